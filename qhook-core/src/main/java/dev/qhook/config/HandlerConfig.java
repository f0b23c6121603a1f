package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code handlers.<name>} (docs/reference/configuration.md, "handlers"): pushes matching events to
 * one HTTP URL. In code, start from {@link #builder(String)}; the handler is validated when the
 * {@link QHookConfig} holding it is built.
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

  /** The method of a handler that does not set one. */
  public static final String DEFAULT_METHOD = "POST";

  /**
   * A builder of handler {@code name}: every event type, {@code POST}, {@link RetryPolicy#DEFAULT}
   * and a timeout of {@link DeliveryConfig#DEFAULT_TIMEOUT} (30 s). {@link Builder#source} and
   * {@link Builder#url} are required.
   */
  public static Builder builder(String name) {
    return new Builder(requireNonNull(name, "name"));
  }

  /** A builder that starts from this handler. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a {@link HandlerConfig}. Each method sets the key of the same name
   * (docs/reference/configuration.md, "handlers").
   *
   * <p>Unlike a handler in a config file, whose missing {@code retry} keys and {@code timeout} come
   * from the {@code delivery} section, a handler built in code has the retry policy and timeout
   * given here (default {@link RetryPolicy#DEFAULT} and 30 s).
   */
  public static final class Builder {
    private final String name;
    private String source = "";
    private List<String> events = List.of();
    private String url = "";
    private String method = DEFAULT_METHOD;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String filter;
    private @Nullable String transform;
    private @Nullable String idempotencyKey;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration timeout = DeliveryConfig.DEFAULT_TIMEOUT;
    private @Nullable Double rateLimit;
    private @Nullable Integer maxConcurrency;
    private @Nullable String orderingKey;

    private Builder(String name) {
      this.name = name;
    }

    private Builder(HandlerConfig from) {
      name = from.name;
      source = from.source;
      events = from.events;
      url = from.url;
      method = from.method;
      headers.putAll(from.headers);
      filter = from.filter;
      transform = from.transform;
      idempotencyKey = from.idempotencyKey;
      retry = from.retry;
      timeout = from.timeout;
      rateLimit = from.rateLimit;
      maxConcurrency = from.maxConcurrency;
      orderingKey = from.orderingKey;
    }

    /** The name of the source whose events this handler receives (required). */
    public Builder source(String source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /** Event-type patterns ({@code order.created}, {@code order.*}, {@code *}); none = all. */
    public Builder events(String... events) {
      this.events = List.of(events);
      return this;
    }

    /** The absolute {@code http}/{@code https} target (required). */
    public Builder url(String url) {
      this.url = requireNonNull(url, "url");
      return this;
    }

    /** {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}; default POST. */
    public Builder method(String method) {
      this.method = requireNonNull(method, "method");
      return this;
    }

    /** Adds a request header, applied last. */
    public Builder header(String name, String value) {
      headers.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** A filter expression evaluated at ingest; false means no job for this handler. */
    public Builder filter(@Nullable String filter) {
      this.filter = filter;
      return this;
    }

    /** A body template applied at delivery. */
    public Builder transform(@Nullable String transform) {
      this.transform = transform;
      return this;
    }

    /** The path of the deduplication key, such as {@code $.id}. */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** Default {@link RetryPolicy#DEFAULT}; see {@link RetryPolicy#builder()}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** Per-request timeout; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Deliveries started per second; null (the default) is unlimited. */
    public Builder rateLimit(@Nullable Double rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /** Deliveries in flight; 1 is one at a time; null (the default) is unlimited. */
    public Builder maxConcurrency(@Nullable Integer maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** The path of the per-key ordering key. */
    public Builder orderingKey(@Nullable String orderingKey) {
      this.orderingKey = orderingKey;
      return this;
    }

    public HandlerConfig build() {
      return new HandlerConfig(
          name,
          source,
          events,
          url,
          method,
          headers,
          filter,
          transform,
          idempotencyKey,
          retry,
          timeout,
          rateLimit,
          maxConcurrency,
          orderingKey);
    }
  }
}
