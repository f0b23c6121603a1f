package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.internal.Encodings;
import java.nio.charset.StandardCharsets;

/**
 * The parts of the <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> scheme that a
 * sender needs as much as a receiver, so that what qhook signs is what its verifier accepts.
 */
public final class StandardWebhooks {
  /** The optional prefix of a secret, {@code whsec_}. */
  public static final String SECRET_PREFIX = "whsec_";

  private StandardWebhooks() {}

  /**
   * The HMAC-SHA256 key of {@code secret}: the secret without an optional {@value #SECRET_PREFIX}
   * prefix, base64-decoded; when that is not valid base64, its raw UTF-8 bytes. A secret that is
   * only the prefix is used whole, so the key is never empty. A new array on each call.
   */
  public static byte[] secretKey(String secret) {
    requireNonNull(secret, "secret");
    String rest =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    byte[] decoded = Encodings.base64(rest);
    if (decoded != null && decoded.length > 0) {
      return decoded;
    }
    byte[] raw = rest.getBytes(StandardCharsets.UTF_8);
    return raw.length > 0 ? raw : secret.getBytes(StandardCharsets.UTF_8);
  }
}
