package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IpRateLimiterTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void allowsTheLimitPerAddressAndSecondThenRefusesUntilTheNextSecond() {
    HandClock clock = new HandClock();
    IpRateLimiter limiter = new IpRateLimiter(2, clock);

    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();

    clock.now = clock.now.plus(Duration.ofMillis(999));
    assertThat(limiter.tryAcquire("a")).isFalse();
    clock.now = clock.now.plus(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire("a")).isTrue();
  }

  @Test
  void zeroMeansNoLimit() {
    IpRateLimiter limiter = new IpRateLimiter(0, new HandClock());
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("a")).isTrue();
    }
    assertThat(limiter.tracked()).isZero();
  }

  @Test
  void forgetsTheLeastRecentlySeenAddressBeyondTheBound() {
    HandClock clock = new HandClock();
    IpRateLimiter limiter = new IpRateLimiter(1, clock, 2);
    limiter.tryAcquire("old");
    limiter.tryAcquire("recent");
    limiter.tryAcquire("old"); // refused, but seen again: "recent" is now the eldest

    limiter.tryAcquire("new");

    assertThat(limiter.tracked()).isEqualTo(2);
    assertThat(limiter.tryAcquire("old")).isFalse();
    assertThat(limiter.tryAcquire("recent")).isTrue(); // forgotten, so a fresh window
  }
}
