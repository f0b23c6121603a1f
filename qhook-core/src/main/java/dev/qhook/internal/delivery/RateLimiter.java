package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code permitsPerSecond} deliveries per second with a burst of the same size
 * ({@code rate_limit}, docs/reference/configuration.md, "handlers"). Thread-safe; time comes from
 * the caller.
 *
 * <p>Not Failsafe's {@link dev.failsafe.RateLimiter}, for two reasons. It reads {@code
 * System.nanoTime()} through a package-private stopwatch, so it cannot follow the engine's clock.
 * And neither of its modes is this bucket: a smooth limiter has no burst, and a bursty one hands
 * out all N permits at the start of each fixed period, so N starts at the end of one second and N
 * more at the start of the next make a burst of 2N; here a burst is at most N, and the bucket
 * refills continuously (one token every 1/N s).
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
