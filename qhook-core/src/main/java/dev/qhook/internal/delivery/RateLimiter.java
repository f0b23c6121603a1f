package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code permitsPerSecond} deliveries per second with a burst of the same size
 * (SPEC §4.8). Thread-safe; time comes from the caller.
 */
public final class RateLimiter {
  private final double permitsPerSecond;
  private double tokens;
  private Instant refilledAt;

  public RateLimiter(double permitsPerSecond, Instant now) {
    if (!(permitsPerSecond > 0)) {
      throw new IllegalArgumentException("permitsPerSecond must be > 0, was " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.tokens = Math.max(1, permitsPerSecond);
    this.refilledAt = now;
  }

  /** Takes a permit, or returns how long until one is available. */
  public synchronized Duration tryAcquire(Instant now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    double missing = 1 - tokens;
    return Duration.ofNanos((long) Math.ceil(missing / permitsPerSecond * 1e9));
  }

  private void refill(Instant now) {
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(Math.max(1, permitsPerSecond), tokens + seconds * permitsPerSecond);
      refilledAt = now;
    }
  }
}
