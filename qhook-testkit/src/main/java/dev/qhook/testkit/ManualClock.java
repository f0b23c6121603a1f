package dev.qhook.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told: give it to {@code QHook.builder().clock(...)} and move time
 * instead of sleeping (retry delays, leases, TTLs). Thread-safe; always UTC.
 *
 * <p>Listeners added with {@link #onChange(Runnable)} run on the calling thread after every {@link
 * #advance} or {@link #set}: {@link QHookExtension} uses one to call {@code QHook.pollNow()}, so
 * that work made due by moving the clock is claimed at once instead of at the next poll.
 */
public final class ManualClock extends Clock {
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

  /** Runs {@code listener} after each later change of the time. */
  public void onChange(Runnable listener) {
    listeners.add(requireNonNull(listener, "listener"));
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
