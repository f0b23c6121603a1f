package dev.qhook.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's timers on a real clock: real timer threads, as before schedulers existed. */
class RealTimeSchedulerTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final Timers timers = Timers.of(Clock.systemUTC());
  private final EngineScheduler scheduler =
      timers.scheduler(
          r -> {
            Thread t = new Thread(r, "test-timer");
            t.setDaemon(true);
            return t;
          });
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    scheduler.close();
    timers.close();
  }

  @Test
  void aTaskRunsOnItsTimerThreadAfterItsDelay() {
    scheduler.schedule(() -> ran.add(Thread.currentThread().getName()), Duration.ofMillis(20));

    Awaitility.await().atMost(BOUND).until(() -> !ran.isEmpty());
    assertThat(ran).containsExactly("test-timer");
  }

  @Test
  void aPeriodicTaskRepeatsAndKeepsGoingWhenARunFails() {
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleEvery(
        () -> {
          if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("simulated");
          }
        },
        Duration.ZERO,
        Duration.ofMillis(10));

    Awaitility.await().atMost(BOUND).until(() -> runs.get() >= 3);
  }

  @Test
  void aCancelledTaskNeverRunsAndAClosedSchedulerTakesNoMore() throws InterruptedException {
    EngineScheduler.Scheduled cancelled =
        scheduler.schedule(() -> ran.add("cancelled"), Duration.ofMillis(50));
    cancelled.cancel();
    scheduler.schedule(() -> ran.add("marker"), Duration.ofMillis(100));
    Awaitility.await().atMost(BOUND).until(() -> ran.contains("marker"));

    scheduler.close();
    scheduler.awaitClosed(BOUND);
    assertThat(scheduler.schedule(() -> ran.add("late"), Duration.ZERO))
        .isSameAs(EngineScheduler.Scheduled.NONE);
    assertThat(ran).containsExactly("marker");
  }
}
