package dev.qhook.testkit.store;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Test data for the store contract. Times are fixed instants around {@link #T0}; ids are 26
 * characters that sort in creation order, like the ULIDs the engine uses.
 */
public final class StoreFixtures {
  /** The fixed "now" the contract starts from. */
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The lease the fixtures' claims ask for. */
  public static final Duration LEASE = Duration.ofSeconds(60);

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private StoreFixtures() {}

  /** A fresh id: the prefix letter and 25 digits, increasing. */
  public static String nextId(char prefix) {
    return prefix + String.format("%025d", SEQUENCE.incrementAndGet());
  }

  public static Instant at(long secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  public static Event event(
      String source, String eventType, @Nullable String uniqueKey, Instant createdAt) {
    return new Event(
        nextId('E'),
        source,
        eventType,
        ("{\"type\":\"" + eventType + "\"}").getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "application/json", "ce-id", "abc"),
        uniqueKey,
        createdAt);
  }

  public static Event event(Instant createdAt) {
    return event("app", "order.created", null, createdAt);
  }

  public static NewJob newJob(
      JobKind kind,
      String target,
      int maxAttempts,
      Instant scheduledAt,
      @Nullable String orderingKey) {
    String url = kind == JobKind.QUEUE ? null : "http://localhost:9/" + target;
    return new NewJob(nextId('J'), kind, target, url, maxAttempts, scheduledAt, orderingKey);
  }

  /** A handler job with 3 attempts. */
  public static NewJob handlerJob(String target, Instant scheduledAt) {
    return newJob(JobKind.HANDLER, target, 3, scheduledAt, null);
  }

  /** A message of {@code queue} delivered at most {@code maxAttempts} times. */
  public static NewJob queueMessage(
      String queue, int maxAttempts, Instant scheduledAt, @Nullable String orderingKey) {
    return newJob(JobKind.QUEUE, queue, maxAttempts, scheduledAt, orderingKey);
  }

  /** A new active endpoint of {@code source} with a fresh id and secret, created at {@code at}. */
  public static Endpoint endpoint(String source, Instant at) {
    String id = nextId('W');
    return Endpoint.builder(id, source, "https://example.com/hooks/" + id, "whsec_" + id, at)
        .build();
  }

  public static Subscription subscription(String endpointId, String eventType, Instant at) {
    return new Subscription(nextId('S'), endpointId, eventType, at);
  }

  public static NewEvent newEvent(Event event, NewJob... jobs) {
    return new NewEvent(event, List.of(jobs));
  }

  /** Claims up to {@code limit} jobs of any kind, without concurrency limits. */
  public static ClaimRequest claimAll(Instant now, int limit) {
    return new ClaimRequest(now, limit, now.plus(LEASE), EnumSet.allOf(JobKind.class), Map.of());
  }

  public static ClaimRequest claimWithLimits(
      Instant now, int limit, Map<String, Integer> concurrencyLimits) {
    return new ClaimRequest(
        now, limit, now.plus(LEASE), EnumSet.allOf(JobKind.class), concurrencyLimits);
  }

  public static AttemptRecord success(int attempt, Instant at) {
    return new AttemptRecord(attempt, 200, null, 12, at, null);
  }

  public static AttemptRecord failure(int attempt, Instant at) {
    return new AttemptRecord(attempt, 503, "HTTP 503", 34, at, "busy");
  }
}
