package dev.qhook.server.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Decodes {@code %XX} escapes in path segments and query strings. */
final class PercentDecoding {
  private PercentDecoding() {}

  /** Decodes a path segment: {@code %XX} escapes only; a malformed escape is a bad request. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    return decodeForm(segment.replace("+", "%2B"));
  }

  /** Decodes a query string component, where {@code +} means a space. */
  static String decodeForm(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed percent-encoding in '" + text + "'");
    }
  }
}
