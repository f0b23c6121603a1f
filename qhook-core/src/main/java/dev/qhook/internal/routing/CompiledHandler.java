package dev.qhook.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.HandlerConfig;
import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.Filter;
import dev.qhook.internal.expr.JsonPath;
import dev.qhook.internal.expr.Template;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A handler with its patterns, filter, transform and key paths parsed once. */
public record CompiledHandler(
    HandlerConfig config,
    List<EventPattern> patterns,
    @Nullable Filter filter,
    @Nullable Template transform,
    @Nullable JsonPath idempotencyKey,
    @Nullable JsonPath orderingKey,
    @Nullable URI parsedUrl) {

  public static CompiledHandler compile(HandlerConfig config) {
    return new CompiledHandler(
        config,
        config.events().stream().map(EventPattern::parse).toList(),
        config.filter() == null ? null : Filter.parse(config.filter()),
        config.transform() == null ? null : Template.parse(config.transform()),
        config.idempotencyKey() == null ? null : JsonPath.parse(config.idempotencyKey()),
        config.orderingKey() == null ? null : JsonPath.parse(config.orderingKey()),
        parseOrNull(config.url()));
  }

  /**
   * The URL deliveries go to, parsed once. A URL that does not parse (only a config built in code
   * can hold one) is parsed again here and fails the delivery, as it always did.
   */
  public URI url() {
    return parsedUrl != null ? parsedUrl : URI.create(config.url());
  }

  private static @Nullable URI parseOrNull(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  public String name() {
    return config.name();
  }

  /** Whether routing or keys read the event's JSON: a filter, an idempotency or ordering key. */
  public boolean readsPayload() {
    return filter != null || idempotencyKey != null || orderingKey != null;
  }

  /**
   * Pattern and filter (docs/reference/configuration.md, "Matching"): an empty pattern list matches
   * every type.
   */
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
