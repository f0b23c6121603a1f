package dev.qhook.internal.engine;

import dev.qhook.internal.queue.PullQueues;
import dev.qhook.internal.time.Timers;
import java.util.concurrent.ExecutorService;

/**
 * Pull queues, assembled (docs/architecture.md, "Pull queues"): the queues and the threads that run
 * the later tries of asynchronous receives. They stop in two steps: the queues early in shutdown
 * (waiting consumers return), their threads last.
 */
final class QueueParts {
  /** Threads for the later tries of asynchronous queue receives, on Java 17 (virtual on 21+). */
  static final int QUEUE_THREADS = 4;

  private final ExecutorService queueThreads;
  private final PullQueues queues;

  /**
   * @param requireAccepting throws {@link dev.qhook.UnavailableException} unless the engine accepts
   *     work
   */
  QueueParts(SharedParts s, Runnable requireAccepting) {
    this.queueThreads = DeliveryExecutors.create("qhook-queue", QUEUE_THREADS);
    this.queues =
        new PullQueues(
            s.config(),
            s.store(),
            s.clock(),
            s.random(),
            queueThreads,
            DeliveryExecutors.named("qhook-queue-timer"),
            s.metrics(),
            s.alerts(),
            requireAccepting,
            PullQueues.RECHECK);
  }

  PullQueues queues() {
    return queues;
  }

  void start(Timers timers) {
    queues.start(timers);
  }

  /** Waiting consumers return; leases are left to expire. */
  void stop() {
    queues.close();
  }

  /** Last in shutdown: ends the threads of asynchronous receives. */
  void close() {
    queueThreads.shutdownNow();
  }
}
