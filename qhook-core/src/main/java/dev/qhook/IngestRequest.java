package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An event to accept.
 *
 * @param headers request headers; names are matched case-insensitively. {@code ce-*} and {@code
 *     Content-Type} are stored with the event; {@code Idempotency-Key} sets its key.
 */
public record IngestRequest(
    String source, String eventType, byte[] body, Map<String, String> headers) {

  public IngestRequest {
    requireNonNull(source, "source");
    requireNonNull(eventType, "eventType");
    requireNonNull(body, "body");
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    headers = Map.copyOf(lower);
  }

  public static IngestRequest of(String source, String eventType, String jsonBody) {
    return new IngestRequest(
        source,
        eventType,
        jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("content-type", "application/json"));
  }

  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
