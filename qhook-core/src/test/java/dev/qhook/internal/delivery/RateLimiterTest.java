package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void allowsABurstOfNThenBooksOnePerInterval() {
    RateLimiter limiter = new RateLimiter(4, T0);
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.reserve(T0)).isEqualTo(T0);
    }
    assertThat(limiter.reserve(T0)).isEqualTo(T0.plusMillis(250));
    assertThat(limiter.reserve(T0)).isEqualTo(T0.plusMillis(500));
  }

  @Test
  void aBookedPermitIsSpentEvenIfItsTimeHasCome() {
    RateLimiter limiter = new RateLimiter(1, T0);
    assertThat(limiter.reserve(T0)).isEqualTo(T0);
    assertThat(limiter.reserve(T0)).isEqualTo(T0.plusSeconds(1));

    assertThat(limiter.reserve(T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(2));
    assertThat(limiter.reserve(T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void fractionalRatesWaitLonger() {
    RateLimiter limiter = new RateLimiter(0.5, T0);
    assertThat(limiter.reserve(T0)).isEqualTo(T0);
    assertThat(limiter.reserve(T0)).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void tokensDoNotAccumulatePastTheBurst() {
    RateLimiter limiter = new RateLimiter(2, T0);
    Instant later = T0.plusSeconds(3600);
    assertThat(limiter.reserve(later)).isEqualTo(later);
    assertThat(limiter.reserve(later)).isEqualTo(later);
    assertThat(limiter.reserve(later)).isAfter(later);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, T0)).hasMessageContaining("must be > 0");
  }
}
