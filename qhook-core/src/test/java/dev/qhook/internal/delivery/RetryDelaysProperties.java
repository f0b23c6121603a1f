package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.Backoff;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.RetryPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RetryDelaysProperties {

  private static RetryPolicy policy(Backoff backoff, long intervalMs, long maxMs, boolean jitter) {
    return new RetryPolicy(
        100,
        backoff,
        Duration.ofMillis(intervalMs),
        Duration.ofMillis(maxMs),
        jitter,
        EnumSet.allOf(ErrorClass.class));
  }

  @Property
  void exponentialWithoutJitterDoublesUntilTheCap(
      @ForAll @LongRange(min = 1, max = 100_000) long intervalMs,
      @ForAll @LongRange(min = 1, max = 10_000_000) long maxMs,
      @ForAll @IntRange(min = 1, max = 80) int retry) {
    Duration d =
        RetryDelays.delay(
            policy(Backoff.EXPONENTIAL, intervalMs, maxMs, false), retry, new SplittableRandom(1));
    double uncapped = intervalMs * Math.pow(2, retry - 1);
    assertThat(d.toMillis()).isEqualTo((long) Math.min(uncapped, maxMs));
  }

  @Property
  void fixedIgnoresTheRetryNumber(
      @ForAll @LongRange(min = 1, max = 100_000) long intervalMs,
      @ForAll @IntRange(min = 1, max = 80) int retry) {
    Duration d =
        RetryDelays.delay(
            policy(Backoff.FIXED, intervalMs, Long.MAX_VALUE / 4, false),
            retry,
            new SplittableRandom(1));
    assertThat(d.toMillis()).isEqualTo(intervalMs);
  }

  @Property
  void jitterStaysWithinTwentyPercentAndUnderTheCap(
      @ForAll @LongRange(min = 10, max = 100_000) long intervalMs,
      @ForAll @LongRange(min = 10, max = 10_000_000) long maxMs,
      @ForAll @IntRange(min = 1, max = 40) int retry,
      @ForAll long seed) {
    RetryPolicy p = policy(Backoff.EXPONENTIAL, intervalMs, maxMs, true);
    long base = Math.min((long) (intervalMs * Math.pow(2, retry - 1)), maxMs);
    long d = RetryDelays.delay(p, retry, new SplittableRandom(seed)).toMillis();
    assertThat(d)
        .isLessThanOrEqualTo(maxMs)
        .isBetween((long) Math.floor(base * 0.8), base * 6 / 5 + 1);
  }

  @Test
  void defaultsFollowTheWorkedExampleOfTheSpec() {
    RetryPolicy noJitter = policy(Backoff.EXPONENTIAL, 30_000, 3_600_000, false);
    long[] expectedSeconds = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (int k = 1; k <= expectedSeconds.length; k++) {
      assertThat(RetryDelays.delay(noJitter, k, new SplittableRandom(1)).toSeconds())
          .as("retry %d", k)
          .isEqualTo(expectedSeconds[k - 1]);
    }
  }
}
