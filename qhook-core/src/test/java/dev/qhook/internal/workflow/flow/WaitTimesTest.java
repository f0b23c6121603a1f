package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.StepFlow;
import dev.qhook.config.WaitStep;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Step types": wait. */
class WaitTimesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final WaitStep AT = new WaitStep("hold", null, null, "$.at", StepFlow.IN_ORDER);

  private static WaitTime at(String input) {
    return WaitTimes.until(AT, json(input), NOW);
  }

  @Test
  void secondsWaitFromNow() {
    WaitStep step = new WaitStep("hold", null, Duration.ofSeconds(30), null, StepFlow.IN_ORDER);

    assertThat(WaitTimes.until(step, json("{}"), NOW))
        .isEqualTo(new WaitTime(NOW.plusSeconds(30), null));
  }

  @Test
  void anRfc3339TimestampIsWaitedFor() {
    assertThat(at("{\"at\":\"2026-12-07T11:00:00Z\"}"))
        .isEqualTo(new WaitTime(Instant.parse("2026-12-07T11:00:00Z"), null));
    assertThat(at("{\"at\":\"2026-12-07T12:30:00.250+01:00\"}").at())
        .isEqualTo(Instant.parse("2026-12-07T11:30:00.250Z"));
    assertThat(at("{\"at\":\"2026-12-07 11:00:00z\"}").at())
        .isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
    assertThat(at("{\"at\":\"2026-12-07t11:00:00Z\"}").at())
        .isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
  }

  @Test
  void unixSecondsAreWaitedFor() {
    long in1h = NOW.getEpochSecond() + 3600;

    assertThat(at("{\"at\":" + in1h + "}")).isEqualTo(new WaitTime(NOW.plusSeconds(3600), null));
    assertThat(at("{\"at\":" + in1h + ".5}").at()).isEqualTo(NOW.plusMillis(3_600_500));
  }

  @Test
  void aTimeInThePastContinuesAtOnceWithAWarning() {
    WaitTime wait = at("{\"at\":\"2026-12-07T09:00:00Z\"}");

    assertThat(wait.at()).isEqualTo(NOW);
    assertThat(wait.warningText())
        .contains(
            "wait step 'hold': timestamp_path '$.at' is 2026-12-07T09:00:00Z, in the past;"
                + " continuing at once");
    assertThat(at("{\"at\":-5}").at()).isEqualTo(NOW);
  }

  @Test
  void nowItselfIsNotAWarning() {
    assertThat(at("{\"at\":\"2026-12-07T10:00:00Z\"}")).isEqualTo(new WaitTime(NOW, null));
  }

  @Test
  void aMissingOrUnparsableTimeContinuesAtOnceWithAWarning() {
    assertThat(at("{}").warningText())
        .contains("wait step 'hold': timestamp_path '$.at' found nothing; continuing at once");
    for (String bad :
        new String[] {
          "\"tomorrow\"",
          "\"2026-12-07\"",
          "\"2026-12-07T10:00:00\"",
          "\"2026-13-07T10:00:00Z\"",
          "true",
          "{}",
          "null",
          "1e400",
          "\"2026-12-07X10:00:00Z\""
        }) {
      WaitTime wait = at("{\"at\":" + bad + "}");
      assertThat(wait.at()).as(bad).isEqualTo(NOW);
      assertThat(wait.warningText())
          .as(bad)
          .hasValueSatisfying(w -> assertThat(w).contains("not an RFC 3339 time"));
    }
  }

  @Property
  void neverBeforeNow(
      @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long seconds) {
    WaitTime wait = at("{\"at\":" + seconds + "}");

    assertThat(wait.at()).isAfterOrEqualTo(NOW);
    assertThat(wait.warning() == null).isEqualTo(seconds >= NOW.getEpochSecond());
  }
}
