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
 * delivery targets, no literal private address and no {@code localhost} unless {@code
 * server.allow_private_urls} is set. Hostnames are not resolved here (the SSRF guard checks them at
 * delivery time).
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

  /** An optional URL at {@code key} that is not subject to the private-address rule. */
  static @Nullable String plain(Section section, String key) {
    String url = section.string(key);
    if (url == null) {
      return null;
    }
    return check(section, key, url, false) ? url : null;
  }

  /** Reports a problem for {@code url} at {@code key} and returns false, or returns true. */
  static boolean check(Section section, String key, String url, boolean refusePrivate) {
    Optional<String> host = httpHost(url);
    if (host.isEmpty()) {
      section.error(key, "invalid URL '" + url + "': must be an absolute http or https URL");
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
    // authority apart by hand.
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
