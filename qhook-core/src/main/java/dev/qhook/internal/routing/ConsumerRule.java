package dev.qhook.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.Filter;
import dev.qhook.internal.expr.JsonPath;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a consumer (handler or queue) takes from an event, parsed once: its event patterns and
 * filter (docs/reference/configuration.md, "Matching"), its idempotency and ordering key paths.
 */
public record ConsumerRule(
    List<EventPattern> patterns,
    @Nullable Filter filter,
    @Nullable JsonPath idempotencyKey,
    @Nullable JsonPath orderingKey) {

  public static ConsumerRule compile(
      List<String> events,
      @Nullable String filter,
      @Nullable String idempotencyKey,
      @Nullable String orderingKey) {
    return new ConsumerRule(
        events.stream().map(EventPattern::parse).toList(),
        filter == null ? null : Filter.parse(filter),
        idempotencyKey == null ? null : JsonPath.parse(idempotencyKey),
        orderingKey == null ? null : JsonPath.parse(orderingKey));
  }

  /** Whether routing or keys read the event's JSON: a filter, an idempotency or ordering key. */
  public boolean readsPayload() {
    return filter != null || idempotencyKey != null || orderingKey != null;
  }

  /** Pattern and filter: an empty pattern list matches every type. */
  public boolean matches(String eventType, @Nullable JsonNode payload) {
    if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matches(eventType))) {
      return false;
    }
    return filter == null || filter.test(payload);
  }

  public Optional<String> idempotencyKeyOf(@Nullable JsonNode payload) {
    return keyAt(idempotencyKey, payload);
  }

  public @Nullable String orderingKeyOf(@Nullable JsonNode payload) {
    return keyAt(orderingKey, payload).orElse(null);
  }

  /** A key is a string, or a number's JSON text; anything else is no key. */
  static Optional<String> keyAt(@Nullable JsonPath path, @Nullable JsonNode payload) {
    return path == null ? Optional.empty() : path.resolveKey(payload);
  }
}
