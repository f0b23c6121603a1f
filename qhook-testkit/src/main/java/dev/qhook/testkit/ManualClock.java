package dev.qhook.testkit;

import static java.util.Objects.requireNonNull;

import dev.qhook.spi.SteppedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told: give it to {@code QHook.builder().clock(...)} and move time
 * instead of sleeping (retry delays, leases, TTLs, cron ticks). Thread-safe; always UTC.
 *
 * <p>It is a {@link SteppedClock}: an engine built on it runs its timed work on it, not on real
 * time. Each {@link #advance} or {@link #set} runs, before it returns and on the calling thread,
 * what the move made due (lost-job and lease-expiry sweeps, the event TTL sweep, workflow run
 * deadlines and callback timeouts, cron ticks), and asks the engine to claim due deliveries
 * (retries, rate-limited jobs) at once; the deliveries themselves then run on the engine's workers,
 * so a test still waits for their outcome ({@link QHookTester#awaitDelivered}).
 */
public final class ManualClock extends Clock implements SteppedClock {
  private volatile Instant now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public ManualClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  public Instant now() {
    return now;
  }

  public void advance(Duration by) {
    requireNonNull(by, "by");
    synchronized (this) {
      now = now.plus(by);
    }
    changed();
  }

  public void set(Instant instant) {
    requireNonNull(instant, "instant");
    synchronized (this) {
      now = instant;
    }
    changed();
  }

  /**
   * Runs {@code listener} on the moving thread after each later change of the time, until the
   * returned registration is cancelled.
   */
  @Override
  public Registration onChange(Runnable listener) {
    requireNonNull(listener, "listener");
    Runnable own = listener::run; // its own identity, should the same listener come twice
    listeners.add(own);
    return () -> listeners.remove(own);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
