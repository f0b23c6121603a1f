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
 * refills continuously (one token every 1/N s). Permits can be booked ahead ({@link #reserve}): the
 * bucket then goes into debt, which the refill pays back.
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

  /**
   * Books the next permit and returns when it is due: {@code now} when one is free, else the time
   * of the first permit not yet booked (they come one every 1/N s). A booked permit is spent
   * whether or not it is used, so the rate holds however late the caller comes back.
   */
  public synchronized Instant reserve(Instant now) {
    refill(now);
    tokens -= 1;
    if (tokens >= 0) {
      return now;
    }
    return now.plusNanos((long) Math.ceil(-tokens / permitsPerSecond * 1e9));
  }

  private void refill(Instant now) {
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(Math.max(1, permitsPerSecond), tokens + seconds * permitsPerSecond);
      refilledAt = now;
    }
  }
}
