package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-instance breaker for one handler or endpoint (SPEC §4.7): opens after {@value
 * #FAILURE_THRESHOLD} consecutive failed attempts, stays open {@link #OPEN_FOR}, then lets one
 * probe through at a time. Thread-safe; time comes from the caller.
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

  /** Whether a delivery may start now, and if not, when to try again. */
  public record Permit(boolean granted, Instant retryAt) {}

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openUntil = Instant.MIN;
  private boolean probeInFlight;

  public synchronized Permit tryAcquire(Instant now) {
    switch (state) {
      case CLOSED:
        return new Permit(true, now);
      case OPEN:
        if (now.isBefore(openUntil)) {
          return new Permit(false, openUntil);
        }
        state = State.HALF_OPEN;
        probeInFlight = true;
        return new Permit(true, now);
      default:
        if (probeInFlight) {
          return new Permit(false, now.plus(PROBE_BUSY_DELAY));
        }
        probeInFlight = true;
        return new Permit(true, now);
    }
  }

  /** Gives back a permit that was not used (the delivery did not start). */
  public synchronized void release() {
    probeInFlight = false;
  }

  public synchronized void onSuccess() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    probeInFlight = false;
  }

  /** Records a failed attempt; returns true when this failure opened a closed breaker. */
  public synchronized boolean onFailure(Instant now) {
    probeInFlight = false;
    if (state == State.HALF_OPEN) {
      state = State.OPEN;
      openUntil = now.plus(OPEN_FOR);
      return false;
    }
    if (state == State.CLOSED && ++consecutiveFailures >= FAILURE_THRESHOLD) {
      state = State.OPEN;
      openUntil = now.plus(OPEN_FOR);
      return true;
    }
    return false;
  }

  synchronized State state() {
    return state;
  }
}
