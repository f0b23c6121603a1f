package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code handlers.<name>} (SPEC §2.7): pushes matching events to one HTTP URL.
 *
 * @param events event-type patterns; empty matches every type
 * @param url absolute {@code http}/{@code https} target
 * @param method upper case; default {@code POST}
 * @param filter filter expression evaluated at ingest, or null
 * @param transform body template applied at delivery, or null
 * @param idempotencyKey path of the dedup key, or null
 * @param retry the handler's retry block merged over {@code delivery.default_retry}
 * @param timeout per-request timeout; default {@code delivery.timeout}
 * @param rateLimit deliveries started per second, or null for unlimited
 * @param maxConcurrency deliveries in flight, or null for unlimited
 * @param orderingKey path of the ordering key, or null
 */
public record HandlerConfig(
    String name,
    String source,
    List<String> events,
    String url,
    String method,
    Map<String, String> headers,
    @Nullable String filter,
    @Nullable String transform,
    @Nullable String idempotencyKey,
    RetryPolicy retry,
    Duration timeout,
    @Nullable Double rateLimit,
    @Nullable Integer maxConcurrency,
    @Nullable String orderingKey) {
  public HandlerConfig {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    events = List.copyOf(events);
    requireNonNull(url, "url");
    requireNonNull(method, "method");
    headers = Copies.orderedMap(headers);
    requireNonNull(retry, "retry");
    requireNonNull(timeout, "timeout");
  }
}
