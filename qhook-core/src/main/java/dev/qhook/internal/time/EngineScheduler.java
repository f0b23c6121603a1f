package dev.qhook.internal.time;

import java.time.Duration;

/**
 * Runs one component's timed work (a sweep, a cron tick) after a delay on the engine's clock, one
 * task at a time. Made by {@link Timers#scheduler}; real timers for a real clock, moves of the
 * clock for a {@link dev.qhook.spi.SteppedClock}. A task that throws is logged; a periodic one
 * keeps running. After {@link #close()} nothing more runs and new tasks are ignored.
 */
public interface EngineScheduler extends AutoCloseable {
  /**
   * Runs {@code task} once, {@code delay} from now (now, or at the next move, when not positive).
   */
  Scheduled schedule(Runnable task, Duration delay);

  /**
   * Runs {@code task} first {@code initialDelay} from now, then again {@code period} after each
   * run's due time; a run late by more than a period does not bring the ones it passed (with fixed
   * delay between runs for real timers, and once per move of a stepped clock).
   */
  Scheduled scheduleEvery(Runnable task, Duration initialDelay, Duration period);

  /** Cancels every task and refuses new ones; a task running now finishes. Does not wait. */
  @Override
  void close();

  /**
   * Waits up to {@code atMost} for a task running now to finish; returns at once when called from
   * one.
   */
  void awaitClosed(Duration atMost);

  /** A task that may still run. */
  interface Scheduled {
    /** Nothing of it runs after this (a run under way finishes). */
    void cancel();

    /** The handle of a task that will never run. */
    Scheduled NONE = () -> {};
  }
}
