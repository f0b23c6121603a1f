package dev.qhook.internal.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * Monotonic ULIDs: 48 bits of milliseconds and 80 random bits in 26 Crockford base32 characters.
 * Within one generator ids strictly increase, also within one millisecond (the random part is
 * incremented), so id order is creation order. Thread-safe.
 */
public final class UlidGenerator {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final Random random;
  private long lastMillis = -1;
  private long randomHigh; // 16 bits
  private long randomLow; // 64 bits

  public UlidGenerator(Clock clock) {
    this(clock, new SecureRandom());
  }

  public UlidGenerator(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  public synchronized String next() {
    long millis = clock.millis();
    if (millis > lastMillis) {
      lastMillis = millis;
      randomHigh = random.nextInt(1 << 16);
      randomLow = random.nextLong();
    } else if (++randomLow == 0 && ++randomHigh == (1 << 16)) {
      // 80-bit overflow within one millisecond: borrow the next millisecond.
      lastMillis++;
      randomHigh = 0;
    }
    return encode(lastMillis, randomHigh, randomLow);
  }

  static String encode(long millis, long high16, long low64) {
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    // 80 random bits = high16 (16) + low64 (64), written as 16 characters of 5 bits.
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[(int) (low64 & 31)];
      low64 = (low64 >>> 5) | ((high16 & 31) << 59);
      high16 >>>= 5;
    }
    return new String(out);
  }
}
