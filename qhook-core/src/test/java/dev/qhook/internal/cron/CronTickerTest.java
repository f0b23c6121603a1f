package dev.qhook.internal.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import dev.qhook.internal.cron.CronTicker.Tick;
import dev.qhook.internal.time.StepClock;
import dev.qhook.internal.time.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronTickerTest {
  private static final Instant START = Instant.parse("2026-12-07T08:59:30Z");

  private final List<Tick> stored = new ArrayList<>();
  private final Set<Tick> alreadyStored = new HashSet<>();
  private final List<String> results = new ArrayList<>();
  private boolean databaseDown;
  private CronTicker ticker;

  @AfterEach
  void close() {
    if (ticker != null) {
      ticker.close();
    }
  }

  private CronTicker ticker(String sources) {
    QHookConfig config = QHookConfig.fromYaml("sources:\n" + sources);
    ticker =
        new CronTicker(
            config,
            Clock.fixed(START, ZoneOffset.UTC),
            tick -> {
              if (databaseDown) {
                throw new IllegalStateException("database unreachable");
              }
              if (!alreadyStored.add(tick)) {
                return false;
              }
              stored.add(tick);
              return true;
            },
            (source, result) -> results.add(source + ":" + result),
            Timers.of(Clock.systemUTC()).scheduler(Thread::new));
    ticker.plan(START);
    return ticker;
  }

  @Test
  void onASteppedClockAMoveToATickFiresItBeforeTheMoveReturns() {
    StepClock clock = new StepClock(START);
    ticker =
        new CronTicker(
            QHookConfig.fromYaml("sources:\n  hourly: { type: cron, schedule: '0 * * * *' }\n"),
            clock,
            tick -> stored.add(tick),
            (source, result) -> results.add(source + ":" + result),
            Timers.of(clock).scheduler(Thread::new));
    ticker.start();

    clock.advance(Duration.ofSeconds(29));
    assertThat(stored).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(stored).containsExactly(new Tick("hourly", Instant.parse("2026-12-07T09:00:00Z")));
    clock.advance(Duration.ofHours(1));
    assertThat(stored)
        .extracting(Tick::scheduledAt)
        .containsExactly(
            Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(results).containsExactly("hourly:STORED", "hourly:STORED");
  }

  @Test
  void firesEachOccurrenceOnceWithItsScheduledTime() {
    CronTicker t = ticker("  hourly: { type: cron, schedule: '0 * * * *' }\n");

    assertThat(t.fireDue(START)).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    assertThat(stored).isEmpty();
    assertThat(t.fireDue(Instant.parse("2026-12-07T09:00:00.004Z")))
        .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(t.fireDue(Instant.parse("2026-12-07T09:30:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));

    assertThat(stored).containsExactly(new Tick("hourly", Instant.parse("2026-12-07T09:00:00Z")));
    assertThat(results).containsExactly("hourly:STORED");
  }

  @Test
  void ticksBeforeTheStartAreNotCaughtUp() {
    CronTicker t = ticker("  minutely: { type: cron, schedule: '* * * * *' }\n");

    t.fireDue(START);

    assertThat(stored).isEmpty();
  }

  @Test
  void aTickStoredElsewhereIsADuplicate() {
    alreadyStored.add(new Tick("hourly", Instant.parse("2026-12-07T09:00:00Z")));
    CronTicker t = ticker("  hourly: { type: cron, schedule: '0 * * * *' }\n");

    t.fireDue(Instant.parse("2026-12-07T09:00:01Z"));

    assertThat(stored).isEmpty();
    assertThat(results).containsExactly("hourly:DUPLICATE");
  }

  @Test
  void aFailedTickIsTriedAgainEverySecondUntilTheNextOneIsDue() {
    CronTicker t = ticker("  minutely: { type: cron, schedule: '* * * * *' }\n");
    databaseDown = true;

    assertThat(t.fireDue(Instant.parse("2026-12-07T09:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T09:00:01Z"));
    assertThat(t.fireDue(Instant.parse("2026-12-07T09:00:01Z")))
        .isEqualTo(Instant.parse("2026-12-07T09:00:02Z"));
    databaseDown = false;
    t.fireDue(Instant.parse("2026-12-07T09:00:02Z"));

    assertThat(stored).containsExactly(new Tick("minutely", Instant.parse("2026-12-07T09:00:00Z")));
    assertThat(results).containsExactly("minutely:FAILED", "minutely:FAILED", "minutely:STORED");
  }

  @Test
  void aTickStillFailingWhenTheNextIsDueIsGivenUp() {
    CronTicker t = ticker("  minutely: { type: cron, schedule: '* * * * *' }\n");
    databaseDown = true;
    t.fireDue(Instant.parse("2026-12-07T09:00:00Z"));
    t.fireDue(Instant.parse("2026-12-07T09:01:00Z"));
    databaseDown = false;

    t.fireDue(Instant.parse("2026-12-07T09:01:01Z"));

    assertThat(stored).containsExactly(new Tick("minutely", Instant.parse("2026-12-07T09:01:00Z")));
    assertThat(results)
        .containsExactly(
            "minutely:FAILED", // 09:00, first try
            "minutely:FAILED", // 09:00 again at 09:01
            "minutely:SKIPPED", // 09:00 given up
            "minutely:FAILED", // 09:01, first try
            "minutely:STORED"); // 09:01, a second later
  }

  @Test
  void aTickFoundMoreThanAMinuteLateIsSkipped() {
    CronTicker t = ticker("  hourly: { type: cron, schedule: '0 * * * *' }\n");

    assertThat(t.fireDue(Instant.parse("2026-12-07T09:05:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));

    assertThat(stored).isEmpty();
    assertThat(results).containsExactly("hourly:SKIPPED");
  }

  @Test
  void eachSourceFiresOnItsOwnScheduleAndZone() {
    CronTicker t =
        ticker(
            """
              berlin: { type: cron, schedule: '0 10 * * *', timezone: Europe/Berlin }
              seconds: { type: cron, schedule: '*/20 * * * * *' }
              app: { type: event }
            """);

    Instant wake = t.fireDue(Instant.parse("2026-12-07T08:59:40Z"));
    t.fireDue(Instant.parse("2026-12-07T09:00:00Z"));

    assertThat(wake).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    assertThat(stored)
        .containsExactly(
            new Tick("seconds", Instant.parse("2026-12-07T08:59:40Z")),
            new Tick("berlin", Instant.parse("2026-12-07T09:00:00Z")),
            new Tick("seconds", Instant.parse("2026-12-07T09:00:00Z")));
  }

  @Test
  void noCronSourceNoTimer() {
    assertThat(ticker("  app: { type: event }\n").hasSources()).isFalse();
  }
}
