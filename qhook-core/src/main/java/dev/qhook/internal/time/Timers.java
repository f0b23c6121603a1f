package dev.qhook.internal.time;

import dev.qhook.spi.SteppedClock;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's timers, one per engine, chosen by its clock: with a real clock, each {@link
 * EngineScheduler} is a real timer thread, as the engine has always had; with a {@link
 * SteppedClock} (a test's clock), every scheduler is part of one timeline that runs what became
 * due, in due order, each time the clock is moved, on the thread that moved it. Nothing polls: real
 * time costs what the timer threads cost, stepped time nothing between moves.
 */
public interface Timers extends AutoCloseable {

  /** Timers for {@code clock}: stepped when it is a {@link SteppedClock}, real otherwise. */
  static Timers of(Clock clock) {
    return clock instanceof SteppedClock stepped
        ? SteppedTimers.listeningTo(clock, stepped)
        : new RealTimers();
  }

  /**
   * A scheduler of its own: one timer thread made by {@code threads}, or a part of the timeline.
   */
  EngineScheduler scheduler(ThreadFactory threads);

  /**
   * A scheduler over a timer the caller already has and shares with other work (real time; closing
   * the scheduler shuts the timer down), or a part of the timeline.
   */
  EngineScheduler over(ScheduledExecutorService timer);

  /**
   * Runs {@code hook} after each move of a stepped clock, once what became due has run (to wake the
   * parts that look at the clock themselves); never with real time.
   */
  void afterMove(Runnable hook);

  /** Stops following the clock; the schedulers are closed by their owners. */
  @Override
  void close();
}
