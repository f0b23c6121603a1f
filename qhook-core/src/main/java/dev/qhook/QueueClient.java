package dev.qhook;

import dev.qhook.config.QueueConfig;
import dev.qhook.spi.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One pull queue of a running engine, from {@link QHook#queue(String)}: the consumer operations
 * (receive, ack, nack, extend) and its management (stats, dead letters, redrive, drain), with the
 * semantics of docs/reference/http-api.md, "Pull queues".
 *
 * <pre>{@code
 * QueueClient orders = qhook.queue("orders");
 * List<QueueMessage> batch = orders.receive(10, Duration.ofSeconds(20));
 * for (QueueMessage m : batch) {
 *   process(m.payload());
 * }
 * orders.ack(batch.stream().map(QueueMessage::id).toList());
 * }</pre>
 *
 * <p>Ids are message ids; an id that is not a message of this queue in the required state is
 * ignored, never an error. Consumer operations need a started engine ({@link UnavailableException}
 * otherwise, or while the database is unhealthy); every operation may throw {@link StoreException}.
 * Thread-safe.
 */
public interface QueueClient {
  /** The largest {@code batch} of a receive: {@value}. */
  int MAX_BATCH = 100;

  /** The longest wait of a receive: 30 s; a longer one is treated as this. */
  Duration MAX_WAIT = Duration.ofSeconds(30);

  /** The longest nack delay and lease extension: 12 h (43,200 s). */
  Duration MAX_DELAY = Duration.ofHours(12);

  /** The shortest lease extension: 1 s. */
  Duration MIN_EXTENSION = Duration.ofSeconds(1);

  String name();

  QueueConfig config();

  /**
   * Leases up to {@code batch} visible messages, oldest due first, for the queue's {@code
   * visibility_timeout}, and counts a delivery of each. With messages of an {@code ordering_key},
   * at most one message per key is in flight. When none is visible, waits up to {@code wait} for
   * one: returns as soon as a message becomes visible (at once after an ingest on this instance,
   * within about a second for other instances of a cluster and for delays that end), with whatever
   * is visible then, or an empty list when the wait ends. Blocks the calling thread while it waits;
   * {@link #receiveAsync} does not.
   *
   * @param batch 1 to {@value #MAX_BATCH}
   * @param wait zero (do not wait) or more; above {@link #MAX_WAIT} (30 s) counts as 30 s
   * @throws IllegalArgumentException {@code batch} outside 1..100 or {@code wait} negative
   */
  List<QueueMessage> receive(int batch, Duration wait);

  /**
   * {@link #receive} without holding a thread while it waits: the first try runs on the calling
   * thread, later ones on the engine's queue threads, which also complete the future.
   *
   * @throws IllegalArgumentException as {@link #receive}
   */
  CompletableFuture<List<QueueMessage>> receiveAsync(int batch, Duration wait);

  /**
   * Completes the given messages that are in flight; ids not in flight (unknown, another queue,
   * lease expired, already acked) are ignored. Returns how many were acked.
   */
  int ack(Collection<String> ids);

  /**
   * Ends the lease of the given messages that are in flight: a message delivered {@code
   * max_attempts} times goes dead; any other becomes visible again after {@code delay}, or, when
   * {@code delay} is null, after the delay of the queue's {@code retry} block for its delivery
   * count. Other ids are ignored.
   *
   * @param delay zero (visible at once) to {@link #MAX_DELAY} (12 h), or null for the retry block
   * @throws IllegalArgumentException {@code delay} negative or above 12 h
   */
  NackResult nack(Collection<String> ids, @Nullable Duration delay);

  /**
   * Sets the lease of the given messages that are in flight to end {@code leaseFor} from now (a
   * heartbeat). Returns how many were extended.
   *
   * @param leaseFor {@link #MIN_EXTENSION} (1 s) to {@link #MAX_DELAY} (12 h)
   * @throws IllegalArgumentException {@code leaseFor} outside 1 s..12 h
   */
  int extend(Collection<String> ids, Duration leaseFor);

  /** The queue's counts, read from the database. */
  QueueStats stats();

  /** Acknowledged messages still kept (until {@code worker.retention_hours}); may scan them. */
  long completedCount();

  /**
   * Up to {@code limit} visible messages in receive order, without leasing them or counting a
   * delivery.
   *
   * @param limit 1 to 1000
   */
  List<QueueMessage> peek(int limit);

  /**
   * The dead messages, oldest first, after the message id {@code after} (null for the first page).
   *
   * @param limit 1 to 1000
   */
  default Page<DeadMessage> deadLetters(@Nullable String after, int limit) {
    return deadLetters(after, limit, false, null, null);
  }

  /**
   * The dead messages created in a window, after the message id {@code after} (null for the first
   * page) in the chosen order.
   *
   * @param limit 1 to 1000
   * @param newestFirst newest first instead of oldest first
   * @param since only messages created at or after it, when given
   * @param until only messages created before it, when given
   */
  Page<DeadMessage> deadLetters(
      @Nullable String after,
      int limit,
      boolean newestFirst,
      @Nullable Instant since,
      @Nullable Instant until);

  /**
   * Makes the given dead messages visible now with their delivery count reset. Returns how many.
   */
  int redrive(Collection<String> ids);

  /** Makes every dead message visible now with its delivery count reset. Returns how many. */
  int redriveAll();

  /** Deletes the dead messages. Returns how many. */
  int deleteDead();

  /** Deletes every message of the queue, whatever its state, in one transaction. */
  int drain();
}
