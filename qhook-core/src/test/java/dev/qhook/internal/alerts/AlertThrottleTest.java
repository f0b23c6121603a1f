package dev.qhook.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlertThrottleTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final AlertThrottle throttle = new AlertThrottle(clock, Duration.ofSeconds(60));

  @Test
  void identicalAlertPassesOncePerWindow() {
    Alert alert = Alert.verificationFailure("gh", "mismatch");

    assertThat(throttle.tryPass(alert)).isTrue();
    now = now.plusSeconds(59);
    assertThat(throttle.tryPass(Alert.verificationFailure("gh", "stale timestamp"))).isFalse();
    now = now.plusSeconds(1);
    assertThat(throttle.tryPass(alert)).isTrue();
  }

  @Test
  void otherSubjectOrKindPasses() {
    assertThat(throttle.tryPass(Alert.verificationFailure("gh", "x"))).isTrue();
    assertThat(throttle.tryPass(Alert.verificationFailure("stripe", "x"))).isTrue();
    assertThat(throttle.tryPass(Alert.custom("gh"))).isTrue();
  }

  @Test
  void tableStaysBounded() {
    for (int i = 0; i < AlertThrottle.PRUNE_ABOVE * 2; i++) {
      now = now.plusSeconds(61);
      assertThat(throttle.tryPass(Alert.verificationFailure("s" + i, "x"))).isTrue();
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(AlertThrottle.PRUNE_ABOVE);
  }
}
