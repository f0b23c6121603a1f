package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One accepted inbound message, as stored.
 *
 * @param headers the stored request headers: {@code ce-*} and {@code content-type}, lowercase names
 * @param uniqueKey the idempotency key, unique per source, or null
 */
public record Event(
    String id,
    String source,
    String eventType,
    byte[] payload,
    Map<String, String> headers,
    @Nullable String uniqueKey,
    Instant createdAt) {

  public Event {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(eventType, "eventType");
    requireNonNull(payload, "payload");
    headers = Map.copyOf(headers);
    requireNonNull(createdAt, "createdAt");
  }

  public @Nullable String contentType() {
    return headers.get("content-type");
  }
}
