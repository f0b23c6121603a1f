package dev.qhook.internal.delivery;

import java.nio.charset.StandardCharsets;

/**
 * How event values travel in handler request headers (docs/reference/http-api.md, "Header values
 * outside printable ASCII"): a value of printable ASCII without leading or trailing spaces is sent
 * as it is; any other value is sent as the RFC 3986 percent-encoding of its UTF-8 bytes (every byte
 * but {@code A-Z a-z 0-9 - . _ ~} as {@code %XX}), which any HTTP client can send and any receiver
 * can decode ({@code URLDecoder.decode}, {@code decodeURIComponent}, {@code unquote}).
 */
final class HeaderValues {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HeaderValues() {}

  /**
   * Whether {@code value} must be encoded: it has a character outside U+0020 to U+007E, or starts
   * or ends with a space (which receivers strip).
   */
  static boolean needsEncoding(String value) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /** The percent-encoding of the UTF-8 bytes of {@code value}; only unreserved bytes stay. */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
