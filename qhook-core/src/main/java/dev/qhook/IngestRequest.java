package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An event to accept. Its values are checked when it is ingested: a control character in the type
 * or a {@code ce-*} header, NUL in a key, or a type or ordering key over 256 characters throws
 * {@link InvalidEventException} (docs/reference/http-api.md, "Limits of event values").
 *
 * @param headers request headers; names are matched case-insensitively. {@code ce-*} and {@code
 *     Content-Type} are stored with the event; {@code Idempotency-Key} sets its key.
 * @param fallbackIdempotencyKey the key used when neither the {@code Idempotency-Key} header nor a
 *     matching handler's or queue's {@code idempotency_key} path yields one (for SNS: the {@code
 *     MessageId}; docs/reference/http-api.md, "Idempotency"); null for none
 */
public record IngestRequest(
    String source,
    String eventType,
    byte[] body,
    Map<String, String> headers,
    @Nullable String fallbackIdempotencyKey) {

  public IngestRequest {
    requireNonNull(source, "source");
    requireNonNull(eventType, "eventType");
    requireNonNull(body, "body");
    headers = Map.copyOf(lowercaseNames(headers));
    if (fallbackIdempotencyKey != null && fallbackIdempotencyKey.isEmpty()) {
      fallbackIdempotencyKey = null;
    }
  }

  /**
   * {@code headers} itself when every name is lowercase already (the server's are), else a copy.
   */
  private static Map<String, String> lowercaseNames(Map<String, String> headers) {
    boolean lowercase = true;
    for (String name : headers.keySet()) {
      if (!name.equals(name.toLowerCase(Locale.ROOT))) {
        lowercase = false;
        break;
      }
    }
    if (lowercase) {
      return headers;
    }
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  /** A request without a fallback idempotency key. */
  public IngestRequest(String source, String eventType, byte[] body, Map<String, String> headers) {
    this(source, eventType, body, headers, null);
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
