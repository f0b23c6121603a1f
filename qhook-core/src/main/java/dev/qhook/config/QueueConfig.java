package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code queues.<name>}: keeps matching events as messages for pull consumers (docs/reference/
 * configuration.md, "queues"). Build one in code with {@link #builder(String)}.
 *
 * @param visibilityTimeout lease length after a receive, 1 s to 12 h; default 30 s
 * @param maxAttempts deliveries before a message goes dead; default {@code retry.maxAttempts()}
 * @param retry default delay for a {@code nack} without one
 * @param apiKey bearer token of the consumer routes, or null
 */
public record QueueConfig(
    String name,
    String source,
    List<String> events,
    @Nullable String filter,
    @Nullable String idempotencyKey,
    @Nullable String orderingKey,
    Duration visibilityTimeout,
    int maxAttempts,
    RetryPolicy retry,
    @Nullable String apiKey) {
  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

  public QueueConfig {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    events = List.copyOf(events);
    requireNonNull(visibilityTimeout, "visibilityTimeout");
    requireNonNull(retry, "retry");
  }

  /**
   * A builder of queue {@code name}: every event type, a visibility timeout of {@link
   * #DEFAULT_VISIBILITY_TIMEOUT} (30 s), {@link RetryPolicy#DEFAULT} and as many deliveries as its
   * {@code max} (5). {@link Builder#source} is required.
   */
  public static Builder builder(String name) {
    return new Builder(requireNonNull(name, "name"));
  }

  /** A builder that starts from this queue. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "QueueConfig[name="
        + name
        + ", source="
        + source
        + ", events="
        + events
        + ", visibilityTimeout="
        + visibilityTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", apiKey="
        + (apiKey == null ? "unset" : "***")
        + "]";
  }

  /**
   * Builds a {@link QueueConfig}. Each method sets the key of the same name
   * (docs/reference/configuration.md, "queues"). Unlike a queue in a config file, whose missing
   * {@code retry} keys come from {@code delivery.default_retry}, a queue built in code has the
   * retry policy given here.
   */
  public static final class Builder {
    private final String name;
    private String source = "";
    private List<String> events = List.of();
    private @Nullable String filter;
    private @Nullable String idempotencyKey;
    private @Nullable String orderingKey;
    private Duration visibilityTimeout = DEFAULT_VISIBILITY_TIMEOUT;
    private @Nullable Integer maxAttempts;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private @Nullable String apiKey;

    private Builder(String name) {
      this.name = name;
    }

    private Builder(QueueConfig from) {
      name = from.name;
      source = from.source;
      events = from.events;
      filter = from.filter;
      idempotencyKey = from.idempotencyKey;
      orderingKey = from.orderingKey;
      visibilityTimeout = from.visibilityTimeout;
      maxAttempts = from.maxAttempts;
      retry = from.retry;
      apiKey = from.apiKey;
    }

    /** The name of the source whose events this queue keeps (required). */
    public Builder source(String source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /** Event-type patterns ({@code order.created}, {@code order.*}, {@code *}); none = all. */
    public Builder events(String... events) {
      this.events = List.of(events);
      return this;
    }

    /** A filter expression evaluated at ingest; false means no message for this queue. */
    public Builder filter(@Nullable String filter) {
      this.filter = filter;
      return this;
    }

    /** The path of the deduplication key, such as {@code $.id}. */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** The path of the per-key ordering key: at most one message of a key is leased at a time. */
    public Builder orderingKey(@Nullable String orderingKey) {
      this.orderingKey = orderingKey;
      return this;
    }

    /** Lease length after a receive, 1 s to 12 h; default 30 s. */
    public Builder visibilityTimeout(Duration visibilityTimeout) {
      this.visibilityTimeout = requireNonNull(visibilityTimeout, "visibilityTimeout");
      return this;
    }

    /** Deliveries before a message goes dead; default the retry policy's {@code max}. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The default delay of a {@code nack} without one; default {@link RetryPolicy#DEFAULT}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** The bearer token of the consumer routes; null (the default) falls back to the API token. */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public QueueConfig build() {
      return new QueueConfig(
          name,
          source,
          events,
          filter,
          idempotencyKey,
          orderingKey,
          visibilityTimeout,
          maxAttempts != null ? maxAttempts : retry.maxAttempts(),
          retry,
          apiKey);
    }
  }
}
