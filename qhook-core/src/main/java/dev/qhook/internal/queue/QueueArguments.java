package dev.qhook.internal.queue;

import static java.util.Objects.requireNonNull;

import dev.qhook.QueueClient;
import dev.qhook.spi.EventQuery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ranges of the consumer operations' arguments (docs/reference/http-api.md, "Pull queues"). */
final class QueueArguments {
  private QueueArguments() {}

  static int batch(int batch) {
    if (batch < 1 || batch > QueueClient.MAX_BATCH) {
      throw new IllegalArgumentException(
          "batch must be 1.." + QueueClient.MAX_BATCH + ", was " + batch);
    }
    return batch;
  }

  static int limit(int limit) {
    if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be 1.." + EventQuery.MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }

  /** Zero or more; above 30 s counts as 30 s. */
  static Duration waitTime(Duration wait) {
    requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative, was " + wait);
    }
    return wait.compareTo(QueueClient.MAX_WAIT) > 0 ? QueueClient.MAX_WAIT : wait;
  }

  static @Nullable Duration delay(@Nullable Duration delay) {
    if (delay != null && (delay.isNegative() || delay.compareTo(QueueClient.MAX_DELAY) > 0)) {
      throw new IllegalArgumentException(
          "delay must be 0.." + QueueClient.MAX_DELAY.toSeconds() + " seconds, was " + delay);
    }
    return delay;
  }

  static Duration extension(Duration leaseFor) {
    requireNonNull(leaseFor, "leaseFor");
    if (leaseFor.compareTo(QueueClient.MIN_EXTENSION) < 0
        || leaseFor.compareTo(QueueClient.MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          "an extension must be 1.."
              + QueueClient.MAX_DELAY.toSeconds()
              + " seconds, was "
              + leaseFor);
    }
    return leaseFor;
  }

  static List<String> ids(Collection<String> ids) {
    requireNonNull(ids, "ids");
    return List.copyOf(ids);
  }
}
