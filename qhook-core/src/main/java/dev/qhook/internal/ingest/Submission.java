package dev.qhook.internal.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event that passed every inbound check, ready to be routed and stored.
 *
 * @param storedHeaders the headers kept with the event ({@code ce-*}, {@code content-type})
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param fallbackIdempotencyKey used when neither the header nor a consumer's key path yields one
 *     (the SNS {@code MessageId}), or null
 */
public record Submission(
    String source,
    String eventType,
    Payload payload,
    Map<String, String> storedHeaders,
    @Nullable String idempotencyKey,
    @Nullable String fallbackIdempotencyKey) {

  public Submission {
    requireNonNull(source, "source");
    requireNonNull(eventType, "eventType");
    requireNonNull(payload, "payload");
    storedHeaders = Map.copyOf(storedHeaders);
    if (idempotencyKey != null && idempotencyKey.isEmpty()) {
      idempotencyKey = null;
    }
    if (fallbackIdempotencyKey != null && fallbackIdempotencyKey.isEmpty()) {
      fallbackIdempotencyKey = null;
    }
  }
}
