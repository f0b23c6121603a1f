package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RatePermitsTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void jobsWithoutAFreePermitBookTheNextOnesInTurnAndUseThemWhenTheyComeBack() {
    RatePermits permits = new RatePermits(1, T0);
    assertThat(permits.until("a", T0)).isEmpty();
    assertThat(permits.until("b", T0)).contains(T0.plusSeconds(1));
    assertThat(permits.until("c", T0)).contains(T0.plusSeconds(2));

    // b comes back at its time (a little late): it is sent on the permit it booked.
    assertThat(permits.until("b", T0.plusMillis(1200))).isEmpty();
    // A newcomer queues behind c.
    assertThat(permits.until("d", T0.plusMillis(1200))).contains(T0.plusSeconds(3));
    // c comes back early: it keeps its place.
    assertThat(permits.until("c", T0.plusMillis(1500))).contains(T0.plusSeconds(2));
    assertThat(permits.until("c", T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void bookingsWhoseJobsNeverCameBackAreForgotten() {
    RatePermits permits = new RatePermits(1, T0);
    permits.until("a", T0);
    permits.until("gone", T0);
    assertThat(permits.booked()).isEqualTo(1);

    Instant muchLater = T0.plus(RatePermits.KEPT_AFTER_DUE).plus(Duration.ofMinutes(5));
    permits.until("x", muchLater);
    permits.until("y", muchLater);

    assertThat(permits.booked()).isEqualTo(1); // y's; gone's is forgotten
  }
}
