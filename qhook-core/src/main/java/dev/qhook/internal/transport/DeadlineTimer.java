package dev.qhook.internal.transport;

import dev.qhook.internal.engine.DeliveryExecutors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts requests that outlive their deadline, from one shared thread. Arming and disarming cost a
 * heap insertion and removal; the thread sleeps until the earliest deadline, which under steady
 * load keeps moving away, so it rarely wakes.
 */
final class DeadlineTimer implements AutoCloseable {
  private final ScheduledThreadPoolExecutor scheduler;

  DeadlineTimer(String threadName) {
    scheduler = new ScheduledThreadPoolExecutor(1, DeliveryExecutors.named(threadName));
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** Cancels {@code request} once {@code nanos} have passed, unless disarmed first. */
  Deadline arm(Cancellable request, long nanos) {
    Deadline deadline = new Deadline(request);
    deadline.abort = scheduler.schedule(deadline, nanos, TimeUnit.NANOSECONDS);
    return deadline;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** One armed deadline. */
  static final class Deadline implements Runnable {
    private final Cancellable request;
    private volatile boolean expired;
    private volatile ScheduledFuture<?> abort;

    private Deadline(Cancellable request) {
      this.request = request;
    }

    /** Whether the deadline passed and the request was (or is being) cancelled. */
    boolean expired() {
      return expired;
    }

    void disarm() {
      ScheduledFuture<?> armed = abort;
      if (armed != null) {
        armed.cancel(false);
      }
    }

    @Override
    public void run() {
      // Set before cancelling: whoever sees the cancellation also sees the flag.
      expired = true;
      request.cancel();
    }
  }
}
