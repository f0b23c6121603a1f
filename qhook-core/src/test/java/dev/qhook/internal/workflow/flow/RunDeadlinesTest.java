package dev.qhook.internal.workflow.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Timeouts" and "Sub-workflows". */
class RunDeadlinesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void aTimeoutSetsTheDeadlineAtStart() {
    assertThat(RunDeadlines.start(NOW, Duration.ofMinutes(5))).contains(NOW.plusSeconds(300));
    assertThat(RunDeadlines.start(NOW, null)).isEmpty();
  }

  @Test
  void aChildGetsTheEarliestOfItsOwnTheStepsAndTheParentsDeadline() {
    Instant parent = NOW.plusSeconds(100);

    assertThat(RunDeadlines.child(NOW, Duration.ofSeconds(50), Duration.ofSeconds(80), parent))
        .contains(NOW.plusSeconds(50));
    assertThat(RunDeadlines.child(NOW, Duration.ofSeconds(500), Duration.ofSeconds(80), parent))
        .contains(NOW.plusSeconds(80));
    assertThat(RunDeadlines.child(NOW, Duration.ofSeconds(500), Duration.ofSeconds(300), parent))
        .contains(parent);
    assertThat(RunDeadlines.child(NOW, null, null, parent)).contains(parent);
    assertThat(RunDeadlines.child(NOW, null, Duration.ofSeconds(30), null))
        .contains(NOW.plusSeconds(30));
    assertThat(RunDeadlines.child(NOW, null, null, null)).isEmpty();
  }

  @Test
  void aRunRedrivenAfterItsDeadlineGetsANewOne() {
    Instant old = NOW.minusSeconds(10);

    assertThat(RunDeadlines.redrive(NOW, Duration.ofSeconds(60), old, true))
        .contains(NOW.plusSeconds(60));
    assertThat(RunDeadlines.redrive(NOW, Duration.ofSeconds(60), NOW.plusSeconds(5), false))
        .contains(NOW.plusSeconds(5));
    assertThat(RunDeadlines.redrive(NOW, null, null, false)).isEqualTo(Optional.empty());
  }

  @Test
  void aRunIsPastItsDeadlineFromThatInstantOn() {
    assertThat(RunDeadlines.passed(NOW, NOW)).isTrue();
    assertThat(RunDeadlines.passed(NOW.plusMillis(1), NOW)).isFalse();
    assertThat(RunDeadlines.passed(NOW.minusMillis(1), NOW)).isTrue();
    assertThat(RunDeadlines.passed(null, NOW)).isFalse();
  }
}
