package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code queues.<name>}: keeps matching events as messages for pull consumers. Refused by
 * validation until the engine runs pull queues.
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
}
