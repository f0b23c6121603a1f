package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event-type pattern an endpoint receives (docs/reference/configuration.md, "Event patterns"):
 * {@code *}, an exact type, or {@code prefix.*}; with an optional {@code filter} on the payload in
 * the filter language of handlers (docs/reference/configuration.md, "Filters").
 */
public record Subscription(
    String id, String endpointId, String eventType, @Nullable String filter, Instant createdAt) {
  public Subscription {
    requireNonNull(id, "id");
    requireNonNull(endpointId, "endpointId");
    requireNonNull(eventType, "eventType");
    requireNonNull(createdAt, "createdAt");
  }

  /** A subscription without a filter. */
  public Subscription(String id, String endpointId, String eventType, Instant createdAt) {
    this(id, endpointId, eventType, null, createdAt);
  }
}
