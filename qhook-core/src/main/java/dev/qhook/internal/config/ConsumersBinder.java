package dev.qhook.internal.config;

import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.SourceConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds {@code handlers.<name>} (docs/reference/configuration.md, "handlers") and {@code
 * queues.<name>} (refused until pull queues run).
 */
final class ConsumersBinder {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final List<String> HANDLER_KEYS =
      List.of(
          "source",
          "events",
          "url",
          "type",
          "method",
          "headers",
          "filter",
          "transform",
          "idempotency_key",
          "retry",
          "timeout",
          "rate_limit",
          "max_concurrency",
          "ordering_key");
  private static final List<String> QUEUE_KEYS =
      List.of(
          "source",
          "events",
          "filter",
          "idempotency_key",
          "ordering_key",
          "visibility_timeout",
          "max_attempts",
          "retry",
          "api_key");
  private static final Duration MIN_VISIBILITY = Duration.ofSeconds(1);
  private static final Duration MAX_VISIBILITY = Duration.ofHours(12);

  private ConsumersBinder() {}

  static Map<String, HandlerConfig> handlers(
      Section handlers, Map<String, SourceConfig> sources, BindContext ctx) {
    Map<String, HandlerConfig> out = new LinkedHashMap<>();
    for (String name : handlers.keys()) {
      Names.check(ctx.problems(), handlers.pathOf(name), name);
      out.put(name, handler(name, handlers.section(name), sources, ctx));
    }
    return out;
  }

  static Map<String, QueueConfig> queues(
      Section queues, Map<String, SourceConfig> sources, BindContext ctx) {
    Map<String, QueueConfig> out = new LinkedHashMap<>();
    for (String name : queues.keys()) {
      Names.check(ctx.problems(), queues.pathOf(name), name);
      out.put(name, queue(name, queues.section(name), sources, ctx));
    }
    return out;
  }

  private static HandlerConfig handler(
      String name, Section s, Map<String, SourceConfig> sources, BindContext ctx) {
    s.allowOnly(HANDLER_KEYS);
    s.oneOf("type", "handler type", List.of("http"), "http", false);
    String url = UrlChecks.target(s, "url", ctx.allowPrivateUrls());
    Integer maxConcurrency =
        s.has("max_concurrency") ? s.integer("max_concurrency", 1, 1, Integer.MAX_VALUE) : null;
    return new HandlerConfig(
        name,
        source(s, sources),
        ExpressionChecks.events(s, "events"),
        url == null ? "" : url,
        method(s, "method"),
        s.stringMap("headers"),
        ExpressionChecks.filter(s, "filter"),
        ExpressionChecks.template(s, "transform"),
        ExpressionChecks.path(s, "idempotency_key"),
        RetryBinder.bind(s, "retry", ctx.defaultRetry()),
        ctx.requestTimeout(s, "timeout"),
        s.positiveNumber("rate_limit"),
        maxConcurrency,
        ExpressionChecks.path(s, "ordering_key"));
  }

  private static QueueConfig queue(
      String name, Section s, Map<String, SourceConfig> sources, BindContext ctx) {
    s.allowOnly(QUEUE_KEYS);
    RetryPolicy retry = RetryBinder.bind(s, "retry", ctx.defaultRetry());
    Duration visibility = s.duration("visibility_timeout", QueueConfig.DEFAULT_VISIBILITY_TIMEOUT);
    if (visibility.compareTo(MIN_VISIBILITY) < 0 || visibility.compareTo(MAX_VISIBILITY) > 0) {
      s.error(
          "visibility_timeout", "must be between 1s and 12h, was " + Durations.format(visibility));
      visibility = QueueConfig.DEFAULT_VISIBILITY_TIMEOUT;
    }
    String apiKey = s.string("api_key");
    return new QueueConfig(
        name,
        source(s, sources),
        ExpressionChecks.events(s, "events"),
        ExpressionChecks.filter(s, "filter"),
        ExpressionChecks.path(s, "idempotency_key"),
        ExpressionChecks.path(s, "ordering_key"),
        visibility,
        s.integer("max_attempts", retry.maxAttempts(), 1, Integer.MAX_VALUE),
        retry,
        apiKey == null || apiKey.isEmpty() ? null : apiKey);
  }

  /** The required {@code source}, which must name a defined source. */
  static String source(Section s, Map<String, SourceConfig> sources) {
    String source = s.required("source");
    if (source == null) {
      return "";
    }
    if (!sources.containsKey(source)) {
      s.error("source", "unknown source '" + source + "' " + Names.hint(source, sources.keySet()));
    }
    return source;
  }

  /** An HTTP method, case-insensitive, returned in upper case; default {@code POST}. */
  static String method(Section s, String key) {
    String method = s.string(key);
    if (method == null) {
      return "POST";
    }
    String upper = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(upper)) {
      s.error(key, Section.unsupported("method", method, METHODS));
      return "POST";
    }
    return upper;
  }
}
