package dev.qhook.internal.time;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The timeline behind the engine's timers on a stepped clock: moves of the clock run due work. */
class SteppedTimersTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final StepClock clock = new StepClock(T0);
  private final Timers timers = Timers.of(clock);
  private final EngineScheduler scheduler = timers.scheduler(Thread::new);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  private Runnable record(String name) {
    return () -> ran.add(name);
  }

  @Test
  void aStepClockGetsTheTimelineAndARealClockRealTimers() {
    assertThat(timers).isInstanceOf(SteppedTimers.class);
    assertThat(Timers.of(java.time.Clock.systemUTC())).isInstanceOf(RealTimers.class);
  }

  @Test
  void aMoveRunsTheTasksItMadeDueInDueOrderBeforeItReturns() {
    scheduler.schedule(record("c"), ofSeconds(30));
    scheduler.schedule(record("a"), ofSeconds(10));
    timers.scheduler(Thread::new).schedule(record("b"), ofSeconds(20)); // another component
    scheduler.schedule(record("d"), ofSeconds(31));

    clock.advance(ofSeconds(29));
    assertThat(ran).containsExactly("a", "b");
    clock.advance(ofSeconds(1));
    assertThat(ran).containsExactly("a", "b", "c");
  }

  @Test
  void tasksDueAtTheSameTimeRunInTheOrderTheyWereScheduled() {
    scheduler.schedule(record("first"), ofSeconds(5));
    scheduler.schedule(record("second"), ofSeconds(5));

    clock.advance(ofSeconds(5));

    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void aTaskScheduledInThePastOrNowRunsAtTheNextMove() {
    scheduler.schedule(record("past"), ofSeconds(-5));
    scheduler.schedule(record("now"), ZERO);
    assertThat(ran).isEmpty();

    clock.advance(ZERO);

    assertThat(ran).containsExactly("past", "now");
  }

  @Test
  void aTaskScheduledByATaskRunsAtTheNextMoveNotInTheSameOne() {
    scheduler.schedule(() -> scheduler.schedule(record("again"), ZERO), ofSeconds(1));

    clock.advance(ofSeconds(1));
    assertThat(ran).isEmpty();
    clock.advance(ZERO);
    assertThat(ran).containsExactly("again");
  }

  @Test
  void aPeriodicTaskRunsOncePerMoveAndKeepsItsPhase() {
    scheduler.scheduleEvery(record("tick"), ofSeconds(10), ofSeconds(10));

    clock.advance(ofSeconds(9));
    assertThat(ran).isEmpty();
    clock.advance(ofSeconds(1)); // T0+10
    assertThat(ran).hasSize(1);
    clock.advance(ofSeconds(5));
    assertThat(ran).hasSize(1);
    clock.advance(ofSeconds(5)); // T0+20
    assertThat(ran).hasSize(2);
    clock.advance(ofHours(1).plusSeconds(5)); // T0+3625: once, not 360 times
    assertThat(ran).hasSize(3);
    clock.advance(ofSeconds(4)); // T0+3629
    assertThat(ran).hasSize(3);
    clock.advance(ofSeconds(1)); // T0+3630: still on the 10 s grid
    assertThat(ran).hasSize(4);
  }

  @Test
  void aCancelledTaskNeverRuns() {
    EngineScheduler.Scheduled once = scheduler.schedule(record("once"), ofSeconds(1));
    EngineScheduler.Scheduled every = scheduler.scheduleEvery(record("every"), ZERO, ofSeconds(1));
    scheduler.schedule(record("kept"), ofSeconds(1));

    once.cancel();
    every.cancel();
    clock.advance(ofSeconds(5));

    assertThat(ran).containsExactly("kept");
  }

  @Test
  void aPeriodicTaskCancelledByAnotherTaskStopsAtOnce() {
    EngineScheduler.Scheduled[] every = new EngineScheduler.Scheduled[1];
    scheduler.schedule(() -> every[0].cancel(), ofSeconds(1));
    every[0] = scheduler.scheduleEvery(record("every"), ofSeconds(2), ofSeconds(1));

    clock.advance(ofSeconds(3));
    clock.advance(ofSeconds(3));

    assertThat(ran).isEmpty();
  }

  @Test
  void aClosedSchedulerRunsNothingMoreAndIgnoresNewTasksWhileOthersGoOn() {
    EngineScheduler other = timers.scheduler(Thread::new);
    scheduler.scheduleEvery(record("closed"), ofSeconds(1), ofSeconds(1));
    other.scheduleEvery(record("open"), ofSeconds(1), ofSeconds(1));

    scheduler.close();
    scheduler.schedule(record("late"), ZERO);
    clock.advance(ofSeconds(1));

    assertThat(ran).containsExactly("open");
  }

  @Test
  void aFailingTaskIsLoggedAndTheOthersAndItsNextRunsGoOn() {
    scheduler.scheduleEvery(
        () -> {
          ran.add("boom");
          throw new IllegalStateException("simulated");
        },
        ofSeconds(1),
        ofSeconds(1));
    scheduler.schedule(record("after"), ofSeconds(1));

    clock.advance(ofSeconds(1));
    clock.advance(ofSeconds(1));

    assertThat(ran).containsExactly("boom", "after", "boom");
  }

  @Test
  void hooksRunAfterEachMoveOnceTheDueTasksHaveRun() {
    timers.afterMove(record("hook"));
    scheduler.schedule(record("task"), ofSeconds(1));

    clock.advance(ofSeconds(1));
    clock.advance(ZERO);

    assertThat(ran).containsExactly("task", "hook", "hook");
  }

  @Test
  void closedTimersStopFollowingTheClock() {
    scheduler.schedule(record("task"), ofSeconds(1));
    timers.afterMove(record("hook"));

    timers.close();
    clock.advance(ofSeconds(1));

    assertThat(ran).isEmpty();
    assertThat(clock.listeners()).isZero();
  }

  @Test
  void awaitClosedReturnsAtOnceFromATaskAndWhenNothingRuns() {
    scheduler.schedule(
        () -> {
          scheduler.close();
          scheduler.awaitClosed(ofSeconds(30));
          ran.add("returned");
        },
        ofSeconds(1));

    clock.advance(ofSeconds(1));
    scheduler.awaitClosed(ofSeconds(30));

    assertThat(ran).containsExactly("returned");
  }
}
