package dev.qhook.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The host rule for URLs found in SNS messages: {@code https} on {@code sns.<region>.amazonaws.com}
 * or {@code sns.<region>.amazonaws.com.cn} (region: lowercase letters, digits, hyphens), default
 * port, no user info.
 */
public final class SnsUrls {
  private static final Pattern SNS_HOST =
      Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  private SnsUrls() {}

  /** True if {@code url} is an https URL on an AWS SNS host (used for {@code SubscribeURL}). */
  public static boolean isSnsUrl(String url) {
    URI uri = parse(url);
    return uri != null
        && "https".equals(uri.getScheme())
        && uri.getRawUserInfo() == null
        && (uri.getPort() == -1 || uri.getPort() == 443)
        && uri.getHost() != null
        && SNS_HOST.matcher(uri.getHost()).matches();
  }

  /** True if {@code url} is an SNS URL whose path ends in {@code .pem}: a signing certificate. */
  public static boolean isSigningCertificateUrl(String url) {
    URI uri = parse(url);
    return uri != null
        && isSnsUrl(url)
        && uri.getRawPath() != null
        && uri.getRawPath().endsWith(".pem");
  }

  private static @Nullable URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException | RuntimeException malformed) {
      return null;
    }
  }
}
