package dev.qhook.verify.internal;

import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Lenient decoders that answer null instead of throwing on malformed input. */
public final class Encodings {
  private Encodings() {}

  /** The bytes of a hex string in either case, or null if it is not hex. */
  public static byte @Nullable [] hex(String text) {
    if (text.isEmpty() || text.length() % 2 != 0) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException notHex) {
      return null;
    }
  }

  /** The bytes of a standard base64 string (padding optional), or null if it is not base64. */
  public static byte @Nullable [] base64(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
