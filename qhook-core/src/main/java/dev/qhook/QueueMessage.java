package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message of a pull queue, as {@link QueueClient#receive} leases it or {@link QueueClient#peek}
 * shows it.
 *
 * @param id the message id: pass it to {@link QueueClient#ack}, {@link QueueClient#nack} or {@link
 *     QueueClient#extend}
 * @param payload the event's body as received
 * @param headers the event's stored {@code ce-*} and {@code content-type} headers, lowercase names
 * @param attempt deliveries before this one: 0 on the first receipt
 * @param createdAt when the event was accepted
 * @param leaseExpiresAt when the lease of this receipt ends and the message becomes visible again
 *     unless it is acked, nacked or extended; null for a peeked message
 */
public record QueueMessage(
    String id,
    String eventId,
    String eventType,
    byte[] payload,
    Map<String, String> headers,
    int attempt,
    Instant createdAt,
    @Nullable Instant leaseExpiresAt) {

  public QueueMessage {
    requireNonNull(id, "id");
    requireNonNull(eventId, "eventId");
    requireNonNull(eventType, "eventType");
    requireNonNull(payload, "payload");
    headers = Map.copyOf(headers);
    requireNonNull(createdAt, "createdAt");
  }

  public @Nullable String contentType() {
    return headers.get("content-type");
  }
}
