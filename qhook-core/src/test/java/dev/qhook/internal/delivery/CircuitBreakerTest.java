package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private final CircuitBreaker breaker = new CircuitBreaker();

  private void fail(int times, Instant at) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire(at).granted()).isTrue();
      breaker.onFailure(at);
    }
  }

  @Test
  void opensAfterFiveConsecutiveFailuresAndRefusesForSixtySeconds() {
    fail(4, T0);
    assertThat(breaker.tryAcquire(T0).granted()).isTrue();
    assertThat(breaker.onFailure(T0)).as("fifth failure opens").isTrue();

    CircuitBreaker.Permit refused = breaker.tryAcquire(T0.plusSeconds(10));
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAt()).isEqualTo(T0.plus(CircuitBreaker.OPEN_FOR));
    assertThat(breaker.tryAcquire(T0.plus(CircuitBreaker.OPEN_FOR).minusNanos(1)).granted())
        .isFalse();
  }

  @Test
  void aSuccessResetsTheCount() {
    fail(4, T0);
    breaker.tryAcquire(T0);
    breaker.onSuccess();
    fail(4, T0);
    assertThat(breaker.tryAcquire(T0).granted()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  /** The open period follows the caller's instants only: no real time passes in this test. */
  @Test
  void halfOpenAdmitsOneProbeAtATime() {
    fail(5, T0);
    Instant later = T0.plus(CircuitBreaker.OPEN_FOR);
    CircuitBreaker.Permit probe = breaker.tryAcquire(later);
    assertThat(probe.granted()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    CircuitBreaker.Permit second = breaker.tryAcquire(later);
    assertThat(second.granted()).isFalse();
    assertThat(second.retryAt()).isEqualTo(later.plus(CircuitBreaker.PROBE_BUSY_DELAY));
  }

  @Test
  void aFailedProbeReopensAndASuccessfulOneCloses() {
    fail(5, T0);
    Instant probe = T0.plus(CircuitBreaker.OPEN_FOR);
    breaker.tryAcquire(probe);
    assertThat(breaker.onFailure(probe)).as("re-opening is not a new trip").isFalse();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire(probe.plusSeconds(59)).retryAt())
        .isEqualTo(probe.plus(CircuitBreaker.OPEN_FOR));

    Instant next = probe.plus(CircuitBreaker.OPEN_FOR);
    assertThat(breaker.tryAcquire(next).granted()).isTrue();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire(next).granted()).isTrue();
  }

  @Test
  void aClosedBreakerNeedsFiveNewFailuresToOpenAgain() {
    fail(5, T0);
    Instant probe = T0.plus(CircuitBreaker.OPEN_FOR);
    breaker.tryAcquire(probe);
    breaker.onSuccess();
    fail(4, probe);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    breaker.tryAcquire(probe);
    assertThat(breaker.onFailure(probe)).isTrue();
  }

  @Test
  void anUnusedProbePermitCanBeGivenBack() {
    fail(5, T0);
    Instant probe = T0.plus(Duration.ofMinutes(2));
    CircuitBreaker.Permit permit = breaker.tryAcquire(probe);
    breaker.release(permit);
    assertThat(breaker.tryAcquire(probe).granted()).isTrue();
    assertThat(breaker.tryAcquire(probe).granted()).isFalse();
  }

  @Test
  void aProbePermitIsGivenBackOnlyOnce() {
    fail(5, T0);
    Instant probe = T0.plus(CircuitBreaker.OPEN_FOR);
    CircuitBreaker.Permit first = breaker.tryAcquire(probe);
    breaker.release(first);
    assertThat(breaker.tryAcquire(probe).granted()).isTrue();
    breaker.release(first);
    assertThat(breaker.tryAcquire(probe).granted()).as("the second probe is still out").isFalse();
  }

  @Test
  void releasingAfterTheOutcomeIsRecordedChangesNothing() {
    breaker.release(breaker.tryAcquire(T0)); // a closed-state permit
    fail(5, T0);
    Instant probe = T0.plus(CircuitBreaker.OPEN_FOR);
    CircuitBreaker.Permit permit = breaker.tryAcquire(probe);
    breaker.onFailure(probe);
    breaker.release(permit);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire(probe).granted()).isFalse();
  }

  @Test
  void aLateFailureWhileOpenDoesNotExtendTheOpenPeriod() {
    fail(5, T0);
    assertThat(breaker.onFailure(T0.plusSeconds(30))).isFalse();
    assertThat(breaker.tryAcquire(T0.plus(CircuitBreaker.OPEN_FOR)).granted()).isTrue();
  }

  @Test
  void aLateSuccessWhileOpenClosesTheBreaker() {
    fail(5, T0);
    breaker.onSuccess(); // an attempt started before the breaker opened
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire(T0).granted()).isTrue();
  }
}
