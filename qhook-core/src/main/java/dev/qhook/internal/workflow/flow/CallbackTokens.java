package dev.qhook.internal.workflow.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Callback tokens (docs/reference/configuration.md, "Callbacks"): 52 Crockford base32 characters
 * ({@code 0-9}, {@code A-Z} without {@code I L O U}) carrying 260 bits from a CSPRNG. A token is
 * the only credential of {@code POST /callback/{token}}; stores keep its {@link #digest} rather
 * than the token itself.
 */
public final class CallbackTokens {
  /** Characters in a token: {@value}. */
  public static final int LENGTH = 52;

  /** Random bits in a token: {@value} (5 per character). */
  public static final int BITS = LENGTH * 5;

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private CallbackTokens() {}

  /** A new token from the shared {@link SecureRandom}. */
  public static String issue() {
    return issue(RANDOM);
  }

  /** A new token from {@code random}. */
  public static String issue(SecureRandom random) {
    byte[] bytes = new byte[(BITS + 7) / 8]; // 33 bytes; the last 4 bits are not used
    random.nextBytes(bytes);
    return encode(bytes);
  }

  /** The first {@link #BITS} bits of {@code bytes} (at least 33), 5 bits per character. */
  static String encode(byte[] bytes) {
    if (bytes.length * 8 < BITS) {
      throw new IllegalArgumentException("need " + BITS + " bits, got " + bytes.length * 8);
    }
    StringBuilder out = new StringBuilder(LENGTH);
    int buffer = 0;
    int buffered = 0;
    int next = 0;
    while (out.length() < LENGTH) {
      if (buffered < 5) {
        buffer = (buffer << 8) | (bytes[next++] & 0xFF);
        buffered += 8;
      }
      out.append(ALPHABET.charAt((buffer >>> (buffered - 5)) & 31));
      buffered -= 5;
      buffer &= (1 << buffered) - 1;
    }
    return out.toString();
  }

  /**
   * Whether {@code text} has the form of a token: exactly {@link #LENGTH} characters of the
   * alphabet (upper case). Anything else cannot be a token and is answered like an unknown one.
   */
  public static boolean wellFormed(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The lowercase hex SHA-256 of the token's text: what a store keeps and looks up by. */
  public static String digest(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
