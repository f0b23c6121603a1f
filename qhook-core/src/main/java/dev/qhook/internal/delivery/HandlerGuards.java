package dev.qhook.internal.delivery;

import dev.qhook.config.HandlerConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The circuit breaker and the optional rate limit of each handler, made on first use. */
public final class HandlerGuards {
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, RatePermits> limits = new ConcurrentHashMap<>();

  public CircuitBreaker breaker(String handler) {
    return breakers.computeIfAbsent(handler, h -> new CircuitBreaker());
  }

  /**
   * Empty when the job may be sent now (no {@code rate_limit}, a permit free, or the one booked for
   * it is due); else when the permit booked for it is due.
   */
  public Optional<Instant> rateLimitedUntil(HandlerConfig handler, String jobId, Instant now) {
    return rateLimitedUntil(handler.name(), handler.rateLimit(), jobId, now);
  }

  /** The same for any target with a rate (an outbound endpoint); a new rate starts afresh. */
  Optional<Instant> rateLimitedUntil(
      String target, @Nullable Double rate, String jobId, Instant now) {
    if (rate == null) {
      return Optional.empty();
    }
    return limits
        .computeIfAbsent(target + "@" + rate, h -> new RatePermits(rate, now))
        .until(jobId, now);
  }
}
