package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a pull queue by state (docs/reference/http-api.md, "Pull queues").
 *
 * @param depth visible messages: receivable now
 * @param delayed messages that become visible later (nacked with a delay)
 * @param inFlight messages leased to consumers
 * @param dead messages given up: the queue's dead-letter queue
 * @param oldestVisibleCreatedAt when the oldest visible message was created, or null when none is;
 *     leased messages are not counted, so a long lease does not look like a stuck queue
 */
public record QueueStats(
    String name,
    long depth,
    long delayed,
    long inFlight,
    long dead,
    @Nullable Instant oldestVisibleCreatedAt) {

  public QueueStats {
    requireNonNull(name, "name");
  }

  /** How long the oldest visible message has waited at {@code now}; empty when none is visible. */
  public Optional<Duration> oldestVisibleAge(Instant now) {
    return oldestVisibleCreatedAt == null
        ? Optional.empty()
        : Optional.of(Duration.between(oldestVisibleCreatedAt, now));
  }
}
