package dev.qhook.internal.transport;

import dev.qhook.spi.TransportRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Turns a {@link TransportRequest} into the HTTP client's request: body bytes as given, the
 * caller's headers minus the ones the client owns, and nothing the wire format cannot carry.
 */
final class OutgoingRequests {
  /**
   * Headers the client sets itself (framing, connection management); callers' values are dropped.
   * {@code transfer-encoding} too: the client frames the body, and refuses a request that has one.
   */
  static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "transfer-encoding", "upgrade");

  /** Methods whose empty body is still sent, as {@code Content-Length: 0}. */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private OutgoingRequests() {}

  /**
   * Builds the request.
   *
   * @throws IllegalArgumentException naming a method or header that cannot be sent
   */
  static HttpUriRequestBase build(TransportRequest request) {
    String method = request.method();
    if (!isToken(method)) {
      throw new IllegalArgumentException("invalid method '" + method + "'");
    }
    HttpUriRequestBase http = new HttpUriRequestBase(method, request.uri());
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!isToken(name)) {
        throw new IllegalArgumentException("invalid header name '" + printable(name) + "'");
      }
      if (!isFieldValue(header.getValue())) {
        throw new IllegalArgumentException("invalid header value for '" + name + "'");
      }
      http.addHeader(name, header.getValue());
    }
    byte[] body = request.body();
    if (body.length > 0 || BODY_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      // No content type of its own: the caller's Content-Type header, if any, is the one sent.
      http.setEntity(new ByteArrayEntity(body, (ContentType) null));
    }
    return http;
  }

  /** RFC 9110 token: what a method or header name may consist of. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 field value: visible ASCII, Latin-1 obs-text, spaces and tabs; no CR, LF or NUL. */
  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xff || c == 0x7f || (c < 0x20 && c != '\t')) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c ->
                out.append(c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c) : Character.toString(c)));
    return out.toString();
  }
}
