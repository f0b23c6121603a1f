package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void secondsAreTakenAsTheyAre() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
  }

  @Test
  void anHttpDateIsMeasuredFromNow() {
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 12:05:00 GMT", NOW))
        .contains(Duration.ofMinutes(5));
  }

  @Test
  void valuesAreClampedToOneSecondAndOneDay() {
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ofSeconds(1));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", NOW))
        .contains(Duration.ofSeconds(1));
    assertThat(RetryAfter.parse("999999", NOW)).contains(Duration.ofHours(24));
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(Duration.ofHours(24));
  }

  @Test
  void garbageIsIgnored() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
  }
}
