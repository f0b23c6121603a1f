package dev.qhook.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The messages of one queue by state, as {@link Store#queueCounts} reads them.
 *
 * @param visible receivable now: available or retryable and due (the queue's depth)
 * @param delayed available or retryable but due later (a nack with a delay)
 * @param inFlight leased to a consumer
 * @param dead given up (the queue's dead-letter queue)
 * @param oldestVisibleCreatedAt when the oldest visible message was created, or null when none is
 *     visible; a leased message is not counted, so a long lease does not look like a stuck queue
 */
public record QueueCounts(
    long visible,
    long delayed,
    long inFlight,
    long dead,
    @Nullable Instant oldestVisibleCreatedAt) {
  /** A queue without open or dead messages. */
  public static final QueueCounts EMPTY = new QueueCounts(0, 0, 0, 0, null);
}
