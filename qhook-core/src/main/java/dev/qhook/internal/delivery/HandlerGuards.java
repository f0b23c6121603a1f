package dev.qhook.internal.delivery;

import dev.qhook.config.HandlerConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The circuit breaker and the optional rate limiter of each handler, made on first use. */
public final class HandlerGuards {
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

  public CircuitBreaker breaker(String handler) {
    return breakers.computeIfAbsent(handler, h -> new CircuitBreaker());
  }

  public Optional<RateLimiter> limiter(HandlerConfig handler, Instant now) {
    Double rate = handler.rateLimit();
    if (rate == null) {
      return Optional.empty();
    }
    return Optional.of(limiters.computeIfAbsent(handler.name(), h -> new RateLimiter(rate, now)));
  }
}
