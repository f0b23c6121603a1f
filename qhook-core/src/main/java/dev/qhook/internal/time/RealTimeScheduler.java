package dev.qhook.internal.time;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EngineScheduler} on a real timer: a {@link ScheduledExecutorService} of one thread. */
final class RealTimeScheduler implements EngineScheduler {
  private static final Logger log = LoggerFactory.getLogger(RealTimeScheduler.class);

  private final ScheduledExecutorService timer;
  private volatile @Nullable Thread runner;

  RealTimeScheduler(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  @Override
  public Scheduled schedule(Runnable task, Duration delay) {
    try {
      ScheduledFuture<?> f = timer.schedule(tracked(task), nanos(delay), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException closed) {
      return Scheduled.NONE;
    }
  }

  @Override
  public Scheduled scheduleEvery(Runnable task, Duration initialDelay, Duration period) {
    requirePositive(period);
    try {
      ScheduledFuture<?> f =
          timer.scheduleWithFixedDelay(
              tracked(task), nanos(initialDelay), period.toNanos(), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException closed) {
      return Scheduled.NONE;
    }
  }

  static void requirePositive(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
  }

  private static long nanos(Duration delay) {
    return Math.max(0, delay.toNanos());
  }

  /** Logs what a task throws (a periodic task keeps its schedule) and notes the running thread. */
  private Runnable tracked(Runnable task) {
    return () -> {
      runner = Thread.currentThread();
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("timed task failed: {}", e.toString());
      } finally {
        runner = null;
      }
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  @Override
  public void awaitClosed(Duration atMost) {
    if (Thread.currentThread() == runner) {
      return;
    }
    try {
      timer.awaitTermination(atMost.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
