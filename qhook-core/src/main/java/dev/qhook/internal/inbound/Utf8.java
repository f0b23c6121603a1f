package dev.qhook.internal.inbound;

/**
 * The UTF-8 check of inbound bodies: well-formed UTF-8 as the JDK decoder reports it (no overlong
 * forms, no encoded surrogates, nothing above U+10FFFF, no truncated sequence). A byte loop instead
 * of a {@code CharsetDecoder}, because every ingested body passes here and decoding would allocate
 * the whole body again as chars.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int lead = bytes[i];
      if (lead >= 0) {
        i++;
        continue;
      }
      lead &= 0xFF;
      int length = sequenceLength(lead);
      if (length == 0 || i + length > n || !validSecondByte(lead, bytes[i + 1] & 0xFF)) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        if (!continuation(bytes[i + k])) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  /** Bytes in the sequence a non-ASCII lead byte starts, or 0 when it cannot start one. */
  private static int sequenceLength(int lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      return 4;
    }
    return 0; // a continuation byte, an overlong 2-byte lead (C0, C1), or above U+10FFFF
  }

  /** The second byte's range depends on the lead (Unicode table 3-7). */
  private static boolean validSecondByte(int lead, int second) {
    return switch (lead) {
      case 0xE0 -> second >= 0xA0 && second <= 0xBF; // no overlong 3-byte forms
      case 0xED -> second >= 0x80 && second <= 0x9F; // no surrogates
      case 0xF0 -> second >= 0x90 && second <= 0xBF; // no overlong 4-byte forms
      case 0xF4 -> second >= 0x80 && second <= 0x8F; // nothing above U+10FFFF
      default -> second >= 0x80 && second <= 0xBF;
    };
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
