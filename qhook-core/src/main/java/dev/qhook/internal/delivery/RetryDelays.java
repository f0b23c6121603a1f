package dev.qhook.internal.delivery;

import dev.qhook.config.Backoff;
import dev.qhook.config.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** The delay before retry {@code k} (docs/reference/configuration.md, "The retry block"). */
public final class RetryDelays {
  /** Jitter spreads each delay uniformly over ±20 %. */
  static final double JITTER = 0.2;

  private RetryDelays() {}

  /**
   * @param retry 1-based: the delay after attempt {@code retry} failed
   */
  public static Duration delay(RetryPolicy policy, int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    long intervalMs = policy.interval().toMillis();
    long capMs = policy.maxInterval().toMillis();
    long baseMs =
        policy.backoff() == Backoff.FIXED ? intervalMs : exponential(intervalMs, retry, capMs);
    double d = Math.min(baseMs, capMs);
    if (policy.jitter()) {
      double u = (random.nextDouble() * 2 - 1) * JITTER;
      d = Math.min(d * (1 + u), capMs);
    }
    return Duration.ofMillis(Math.round(d));
  }

  private static long exponential(long intervalMs, int retry, long capMs) {
    int shift = retry - 1;
    if (shift >= 62 || intervalMs > (capMs >> Math.min(shift, 62))) {
      return capMs;
    }
    return intervalMs << shift;
  }
}
