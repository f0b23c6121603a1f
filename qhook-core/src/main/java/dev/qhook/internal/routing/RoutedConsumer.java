package dev.qhook.internal.routing;

import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewJob;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A handler or a queue as routing sees it: the jobs it gets and the rule that selects them. */
public sealed interface RoutedConsumer permits CompiledHandler, CompiledQueue {
  String name();

  ConsumerRule rule();

  /** The kind of the jobs this consumer gets. */
  JobKind kind();

  /** The config section of this consumer: {@code handlers} or {@code queues}. */
  String section();

  /** The URL recorded on its jobs, for display; null for queue messages. */
  @Nullable String jobUrl();

  /** Attempts (deliveries) a job of this consumer gets. */
  int maxAttempts();

  /** A new job of this consumer, due at {@code now}. */
  default NewJob newJob(String id, Instant now, @Nullable String orderingKey) {
    return new NewJob(id, kind(), name(), jobUrl(), maxAttempts(), now, orderingKey);
  }

  /** The config path of one of its keys with the key's value, e.g. {@code queues.q.filter}. */
  default String path(String key) {
    return section() + "." + name() + "." + key;
  }
}
