package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in a queue's dead-letter queue.
 *
 * @param attempt deliveries made
 * @param lastError why it went dead: nacked or lease expired on the final delivery, or the event
 *     TTL
 * @param completedAt when it went dead
 */
public record DeadMessage(
    String id,
    String eventId,
    String eventType,
    int attempt,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant completedAt) {

  public DeadMessage {
    requireNonNull(id, "id");
    requireNonNull(eventId, "eventId");
    requireNonNull(eventType, "eventType");
    requireNonNull(createdAt, "createdAt");
  }
}
