package dev.qhook.internal.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/** Real timers: a timer thread per scheduler, as the engine had before schedulers existed. */
final class RealTimers implements Timers {
  @Override
  public EngineScheduler scheduler(ThreadFactory threads) {
    return new RealTimeScheduler(Executors.newSingleThreadScheduledExecutor(threads));
  }

  @Override
  public EngineScheduler over(ScheduledExecutorService timer) {
    return new RealTimeScheduler(timer);
  }

  @Override
  public void afterMove(Runnable hook) {
    // real time moves by itself: nobody moves it
  }

  @Override
  public void close() {
    // nothing of its own: each scheduler is closed by its owner
  }
}
