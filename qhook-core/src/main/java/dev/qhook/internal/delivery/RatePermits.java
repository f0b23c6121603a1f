package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler's {@code rate_limit} as its jobs meet it (docs/reference/configuration.md, "handlers"):
 * a job that finds no permit free books the next one and goes back to the store until then, holding
 * no worker; when it comes back it uses the permit it booked.
 *
 * <p>Bookings live in this instance's memory. A job that comes back to another instance, or after a
 * restart, books again: a lost booking only leaves its permit unused, never exceeds the rate.
 */
final class RatePermits {
  /** A booking still unused this long after its time is forgotten (its job went elsewhere). */
  static final Duration KEPT_AFTER_DUE = Duration.ofMinutes(10);

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final RateLimiter limiter;
  private final Map<String, Instant> booked = new ConcurrentHashMap<>();
  private volatile Instant nextSweep;

  RatePermits(double permitsPerSecond, Instant now) {
    this.limiter = new RateLimiter(permitsPerSecond, now);
    this.nextSweep = now.plus(SWEEP_EVERY);
  }

  /** Empty when the job may be sent now; else when the permit booked for it is due. */
  Optional<Instant> until(String jobId, Instant now) {
    Instant due = booked.remove(jobId);
    if (due == null) {
      due = limiter.reserve(now);
    }
    if (!due.isAfter(now)) {
      return Optional.empty();
    }
    booked.put(jobId, due);
    sweep(now);
    return Optional.of(due);
  }

  /** Bookings not yet used (for tests). */
  int booked() {
    return booked.size();
  }

  private void sweep(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    Instant stale = now.minus(KEPT_AFTER_DUE);
    booked.values().removeIf(due -> due.isBefore(stale));
  }
}
