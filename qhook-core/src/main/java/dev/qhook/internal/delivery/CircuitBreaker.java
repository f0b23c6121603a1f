package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-instance breaker for one handler or endpoint (docs/reference/configuration.md, "Retries,
 * dead jobs and the circuit breaker"): opens after {@value #FAILURE_THRESHOLD} consecutive failed
 * attempts, stays open {@link #OPEN_FOR}, then lets one probe through at a time; a successful probe
 * closes it, a failed one opens it again.
 *
 * <p>Failsafe's {@link dev.failsafe.CircuitBreaker} keeps the states, the count of consecutive
 * failures and the single half-open permit. Failsafe times its open state with {@code
 * System.nanoTime()} and takes no clock, so this class ends the open period itself, on the instants
 * the caller reads from the engine's {@link java.time.Clock}, and asks Failsafe for a permit only
 * when closed or half-open (so Failsafe's own delay is never consulted). Thread-safe.
 */
public final class CircuitBreaker {
  public static final int FAILURE_THRESHOLD = 5;
  public static final Duration OPEN_FOR = Duration.ofSeconds(60);
  public static final Duration PROBE_BUSY_DELAY = Duration.ofSeconds(5);

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /**
   * Whether a delivery may start now, and if not, when to try again. {@code probe} identifies a
   * half-open probe permit (0 for any other), so that {@link #release} gives back only that one.
   */
  public record Permit(boolean granted, Instant retryAt, long probe) {
    static Permit refused(Instant retryAt) {
      return new Permit(false, retryAt, 0);
    }
  }

  private final dev.failsafe.CircuitBreaker<Void> states =
      dev.failsafe.CircuitBreaker.<Void>builder()
          .withFailureThreshold(FAILURE_THRESHOLD) // of the last 5 attempts: 5 in a row
          .withSuccessThreshold(1) // half-open: one permit, its outcome decides
          .withDelay(OPEN_FOR) // documentation only: openUntil below decides
          .build();
  private Instant openUntil = Instant.MIN;
  private long probes; // numbers the half-open permits handed out; 0 is "not a probe"

  public synchronized Permit tryAcquire(Instant now) {
    if (states.isOpen()) {
      if (now.isBefore(openUntil)) {
        return Permit.refused(openUntil);
      }
      states.halfOpen();
    }
    if (!states.tryAcquirePermit()) {
      return Permit.refused(now.plus(PROBE_BUSY_DELAY));
    }
    return new Permit(true, now, states.isHalfOpen() ? ++probes : 0);
  }

  /**
   * Gives back a probe permit whose delivery recorded no outcome (it did not start, or ended in an
   * Error), so the next job may probe. Safe to call for any permit: a no-op unless {@code permit}
   * is the current probe and its outcome was not recorded.
   */
  public void release(Permit permit) {
    if (permit.probe() == 0) {
      return; // every delivery ends here: no lock for the closed state's permits
    }
    synchronized (this) {
      if (permit.probe() == probes && states.isHalfOpen()) {
        // Failsafe has no public call to return a permit; a fresh half-open state has one again.
        states.open();
        states.halfOpen();
        probes++; // the given-back permit cannot be given back twice
      }
    }
  }

  public synchronized void onSuccess() {
    if (states.isOpen()) {
      states.close(); // a late success of an attempt started before the breaker opened
    } else {
      states.recordSuccess();
    }
  }

  /** Records a failed attempt; returns true when this failure opened a closed breaker. */
  public synchronized boolean onFailure(Instant now) {
    State before = state();
    states.recordFailure();
    if (before == State.OPEN || !states.isOpen()) {
      return false;
    }
    openUntil = now.plus(OPEN_FOR);
    return before == State.CLOSED;
  }

  synchronized State state() {
    return switch (states.getState()) {
      case CLOSED -> State.CLOSED;
      case OPEN -> State.OPEN;
      case HALF_OPEN -> State.HALF_OPEN;
    };
  }
}
