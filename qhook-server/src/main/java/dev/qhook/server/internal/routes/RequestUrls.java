package dev.qhook.server.internal.routes;

import dev.qhook.config.ServerConfig;
import dev.qhook.server.internal.http.Request;
import org.jspecify.annotations.Nullable;

/**
 * The absolute URL a request was sent to, as a signer saw it (Twilio: docs/verifying-webhooks.md,
 * "Twilio"): {@code server.public_url} + path + query; without it, rebuilt from the request ({@code
 * X-Forwarded-Proto}/{@code X-Forwarded-Host} only with {@code trust_proxy}, else the {@code Host}
 * header over plain http). A source's own {@code public_url} is applied by the verifier, which
 * keeps only this URL's query string.
 */
final class RequestUrls {
  private RequestUrls() {}

  /** The URL, or null when no host is known. */
  static @Nullable String of(Request request, ServerConfig server) {
    String pathAndQuery =
        request.rawQuery() == null ? request.path() : request.path() + "?" + request.rawQuery();
    String publicUrl = server.publicUrl();
    if (publicUrl != null && !publicUrl.isBlank()) {
      return stripTrailingSlash(publicUrl) + pathAndQuery;
    }
    String scheme = "http";
    String host = request.header("Host");
    if (server.trustProxy()) {
      String proto = firstListValue(request.header("X-Forwarded-Proto"));
      if (proto != null) {
        scheme = proto;
      }
      String forwardedHost = firstListValue(request.header("X-Forwarded-Host"));
      if (forwardedHost != null) {
        host = forwardedHost;
      }
    }
    if (host == null || host.isBlank()) {
      return null;
    }
    return scheme + "://" + host.trim() + pathAndQuery;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The first entry of a comma-separated header added by a chain of proxies, or null. */
  private static @Nullable String firstListValue(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String first = value.split(",", 2)[0].trim();
    return first.isEmpty() ? null : first;
  }
}
