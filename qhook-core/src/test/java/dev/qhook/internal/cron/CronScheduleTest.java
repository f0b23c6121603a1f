package dev.qhook.internal.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *",
        "*/5 * * * *",
        "0 9 * * MON-FRI",
        "0 0 1 JAN,JUL *",
        "30 */2 1-15 * ?",
        "*/10 * * * * *",
        "0 0 12 * * sun",
        "@hourly",
        "0 0 * * 7"
      })
  void acceptsFiveAndSixFieldForms(String text) {
    CronSchedule.parse(text);
  }

  @Test
  void rejectionsNameTheProblem() {
    assertThatThrownBy(() -> CronSchedule.parse("* * * *"))
        .hasMessageStartingWith("expected 5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .hasMessage("Value 61 not in range [0, 59]");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * FUNDAY"))
        .hasMessageContaining("Invalid chars: FUNDAY");
    assertThatThrownBy(() -> CronSchedule.parse("0 10-5 * * *"))
        .hasMessage("Invalid range! [10,5]");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * * * *"))
        .hasMessageStartingWith("expected 5 fields");
  }

  @Test
  void nextIsStrictlyAfter() {
    CronSchedule every5 = CronSchedule.parse("*/5 * * * *");
    ZonedDateTime at = ZonedDateTime.of(2026, 3, 29, 10, 5, 0, 0, UTC);

    assertThat(every5.next(at, UTC)).contains(at.plusMinutes(5));
    assertThat(every5.next(at.minusSeconds(1), UTC)).contains(at);
  }

  @Test
  void fireTimesAreWholeSecondsWhateverTheStartingFraction() {
    ZonedDateTime at = ZonedDateTime.of(2026, 1, 1, 0, 0, 5, 364_568_339, UTC);

    assertThat(CronSchedule.parse("* * * * * *").next(at, UTC))
        .contains(ZonedDateTime.of(2026, 1, 1, 0, 0, 6, 0, UTC));
  }

  @Test
  void sixFieldsFireEverySecondsStep() {
    ZonedDateTime at = ZonedDateTime.of(2026, 1, 1, 0, 0, 5, 0, UTC);

    assertThat(CronSchedule.parse("*/10 * * * * *").next(at, UTC)).contains(at.plusSeconds(5));
  }

  @Test
  void weekdayNamesRestrictTheDays() {
    // 2026-03-28 is a Saturday.
    ZonedDateTime saturday = ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, UTC);

    assertThat(CronSchedule.parse("0 9 * * MON-FRI").next(saturday, UTC))
        .contains(ZonedDateTime.of(2026, 3, 30, 9, 0, 0, 0, UTC));
  }

  @Test
  void nonexistentLocalTimeIsSkipped() {
    // Berlin skips 02:00-03:00 on 2026-03-29.
    ZonedDateTime before = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, BERLIN);

    assertThat(CronSchedule.parse("30 2 * * *").next(before, BERLIN))
        .contains(ZonedDateTime.of(2026, 3, 30, 2, 30, 0, 0, BERLIN));
  }

  @Test
  void repeatedLocalTimeFiresOnce() {
    // Berlin repeats 02:00-03:00 on 2026-10-25.
    CronSchedule at230 = CronSchedule.parse("30 2 * * *");
    ZonedDateTime first =
        at230.next(ZonedDateTime.of(2026, 10, 25, 0, 0, 0, 0, BERLIN), BERLIN).orElseThrow();

    assertThat(first.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(at230.next(first, BERLIN).orElseThrow().getDayOfMonth()).isEqualTo(26);
  }

  @Test
  void schedulesFinerThanAnHourSkipTheGapAndFireARepeatedTimeOnce() {
    CronSchedule every30 = CronSchedule.parse("*/30 * * * *");
    // Spring forward: 01:30 is followed by 03:00 (02:00 and 02:30 do not exist).
    assertThat(every30.next(ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, BERLIN), BERLIN))
        .contains(ZonedDateTime.of(2026, 3, 29, 3, 0, 0, 0, BERLIN));
    // Fall back: 02:00 and 02:30 fire at +02:00 only, then 03:00 (+01:00), two hours later.
    ZonedDateTime t = ZonedDateTime.of(2026, 10, 25, 1, 45, 0, 0, BERLIN);
    List<Instant> fired = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      t = every30.next(t, BERLIN).orElseThrow();
      fired.add(t.toInstant());
    }
    assertThat(fired)
        .containsExactly(
            Instant.parse("2026-10-25T00:00:00Z"),
            Instant.parse("2026-10-25T00:30:00Z"),
            Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void fixedOffsetsAreEvaluatedInTheirOwnTime() {
    ZonedDateTime utcMorning = ZonedDateTime.of(2026, 12, 7, 6, 0, 0, 0, UTC);

    assertThat(CronSchedule.parse("0 9 * * *").next(utcMorning, ZoneOffset.ofHours(5)))
        .map(ZonedDateTime::toInstant)
        .contains(Instant.parse("2026-12-08T04:00:00Z"));
  }

  @Test
  void impossibleDateNeverFires() {
    assertThat(CronSchedule.parse("0 0 30 2 *").next(ZonedDateTime.now(UTC), UTC)).isEmpty();
  }

  @Test
  void dayOfMonthAndWeekdayBothRestrictedMeansEither() {
    // 2026-04-01 is a Wednesday; the 15th and every Monday fire.
    ZonedDateTime start = ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, UTC);

    assertThat(CronSchedule.parse("0 0 15 * MON").next(start, UTC))
        .contains(ZonedDateTime.of(2026, 4, 6, 0, 0, 0, 0, UTC));
  }
}
