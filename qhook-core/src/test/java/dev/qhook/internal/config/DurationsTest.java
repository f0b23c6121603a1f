package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void readsEveryUnitAndBareSeconds() {
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("5s")).contains(Duration.ofSeconds(5));
    assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("87600h")).contains(Duration.ofHours(87600));
    assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
    assertThat(Durations.parse("30")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30 sec", "5 s", "-5s", "1.5s", "5S", "s", "1w", "5sec", "1h30m"})
  void rejectsEverythingElse(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @Test
  void overflowIsRejected() {
    assertThat(Durations.parse("999999999999999999d")).isEmpty();
  }

  @Test
  void formatsWithTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Property
  void formatThenParseIsIdentity(
      @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long millis) {
    Duration duration = Duration.ofMillis(millis);
    assertThat(Durations.parse(Durations.format(duration))).contains(duration);
  }

  @Property
  void bareIntegerMeansSeconds(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seconds) {
    assertThat(Durations.parse(Long.toString(seconds))).contains(Duration.ofSeconds(seconds));
  }
}
