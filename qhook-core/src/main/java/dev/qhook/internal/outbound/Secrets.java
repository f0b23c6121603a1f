package dev.qhook.internal.outbound;

import dev.qhook.verify.StandardWebhooks;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Endpoint secrets and ownership challenges, from a CSPRNG. */
public final class Secrets {
  /** Random bytes in a secret. */
  static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code whsec_} + base64 of 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return StandardWebhooks.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** 32 lowercase hex characters. */
  static String newChallenge() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
