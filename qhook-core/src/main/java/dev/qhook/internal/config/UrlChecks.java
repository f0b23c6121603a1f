package dev.qhook.internal.config;

import dev.qhook.internal.net.IpLiterals;
import dev.qhook.internal.net.PrivateAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * URL checks (docs/reference/configuration.md, "URLs"): absolute {@code http}/{@code https}; for
 * URLs qhook calls, a host {@link URI} accepts (no {@code _}); for delivery targets, no literal
 * private address and no {@code localhost} unless {@code server.allow_private_urls} is set.
 * Hostnames are not resolved here (the SSRF guard checks them at delivery time).
 */
final class UrlChecks {
  private UrlChecks() {}

  /** The URL at {@code key} (required), checked as a delivery target. */
  static @Nullable String target(Section section, String key, boolean allowPrivate) {
    String url = section.required(key);
    if (url == null) {
      return null;
    }
    return check(section, key, url, !allowPrivate) ? url : null;
  }

  /**
   * An optional URL at {@code key} that qhook never calls (a source's {@code public_url}, which
   * only names the URL a provider signed): not subject to the private-address or host-name rules.
   */
  static @Nullable String plain(Section section, String key) {
    String url = section.string(key);
    if (url == null) {
      return null;
    }
    if (httpHost(url).isEmpty()) {
      section.error(key, notHttp(url));
      return null;
    }
    return url;
  }

  /**
   * Checks a URL qhook calls (a delivery target or {@code alerts.url}): reports a problem at {@code
   * key} and returns false, or returns true.
   */
  static boolean check(Section section, String key, String url, boolean refusePrivate) {
    Optional<String> host = httpHost(url);
    if (host.isEmpty()) {
      section.error(key, notHttp(url));
      return false;
    }
    if (!isUriHost(url)) {
      section.error(key, "invalid URL '" + url + "': " + badHostName(host.get()));
      return false;
    }
    if (refusePrivate && isPrivateHost(host.get())) {
      section.error(
          key,
          "private address not allowed: " + url + " (set server.allow_private_urls to permit)");
      return false;
    }
    return true;
  }

  private static String notHttp(String url) {
    return "invalid URL '" + url + "': must be an absolute http or https URL";
  }

  /**
   * Whether {@link URI#getHost()} finds the host. It does not for a name with {@code _} or a last
   * label starting with a digit: the transport SPI carries a {@link URI}, the SSRF guard and the
   * JDK's HTTP client need its host, and TLS cannot name such a host (SNI), so no delivery to it
   * could be sent.
   */
  private static boolean isUriHost(String url) {
    try {
      return new URI(url).getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String badHostName(String host) {
    String problem =
        host.indexOf('_') >= 0
            ? "contains '_', which URLs do not allow in a host name"
            : "is not a valid host name";
    return "the host '"
        + host
        + "' "
        + problem
        + " (deliveries to it cannot be sent); use letters, digits, '-' and '.', for example a"
        + " network alias";
  }

  /** The host of an absolute http(s) URL, or empty if {@code url} is not one. */
  static Optional<String> httpHost(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      return Optional.empty();
    }
    if (uri.getHost() != null) {
      return Optional.of(uri.getHost());
    }
    // Host names with '_' (common for container names) are not RFC 2396 hosts; take the
    // authority apart by hand, so that a public_url may hold one and a problem can name it.
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      return Optional.empty();
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith("[")) {
      return Optional.empty();
    }
    int colon = hostPort.indexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    return host.matches("[A-Za-z0-9._-]+") ? Optional.of(host) : Optional.empty();
  }

  /** {@code localhost}, {@code *.localhost}, or a literal private address. */
  static boolean isPrivateHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    return IpLiterals.parse(h).map(PrivateAddresses::isPrivate).orElse(false);
  }
}
