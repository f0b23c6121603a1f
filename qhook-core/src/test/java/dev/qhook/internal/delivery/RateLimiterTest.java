package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void allowsABurstOfNThenOnePerInterval() {
    RateLimiter limiter = new RateLimiter(4, T0);
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.tryAcquire(T0)).isZero();
    }
    assertThat(limiter.tryAcquire(T0)).isEqualTo(Duration.ofMillis(250));
    assertThat(limiter.tryAcquire(T0.plusMillis(250))).isZero();
    assertThat(limiter.tryAcquire(T0.plusMillis(250))).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void fractionalRatesWaitLonger() {
    RateLimiter limiter = new RateLimiter(0.5, T0);
    assertThat(limiter.tryAcquire(T0)).isZero();
    assertThat(limiter.tryAcquire(T0)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void tokensDoNotAccumulatePastTheBurst() {
    RateLimiter limiter = new RateLimiter(2, T0);
    Instant later = T0.plusSeconds(3600);
    assertThat(limiter.tryAcquire(later)).isZero();
    assertThat(limiter.tryAcquire(later)).isZero();
    assertThat(limiter.tryAcquire(later)).isPositive();
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, T0)).hasMessageContaining("must be > 0");
  }
}
