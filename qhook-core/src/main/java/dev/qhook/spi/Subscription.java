package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One event-type pattern an endpoint receives (docs/reference/configuration.md, "Event patterns"):
 * {@code *}, an exact type, or {@code prefix.*}.
 */
public record Subscription(String id, String endpointId, String eventType, Instant createdAt) {
  public Subscription {
    requireNonNull(id, "id");
    requireNonNull(endpointId, "endpointId");
    requireNonNull(eventType, "eventType");
    requireNonNull(createdAt, "createdAt");
  }
}
