package dev.qhook.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told: give it to {@code QHook.builder().clock(...)} and move time
 * instead of sleeping (retry delays, leases, TTLs). Thread-safe; always UTC.
 */
public final class ManualClock extends Clock {
  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  public Instant now() {
    return now;
  }

  public synchronized void advance(Duration by) {
    now = now.plus(requireNonNull(by, "by"));
  }

  public void set(Instant instant) {
    now = requireNonNull(instant, "instant");
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
