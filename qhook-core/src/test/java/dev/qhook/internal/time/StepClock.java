package dev.qhook.internal.time;

import dev.qhook.spi.SteppedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SteppedClock} the test moves (the testkit's ManualClock, which core cannot use). */
public final class StepClock extends Clock implements SteppedClock {
  private volatile Instant now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public StepClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration by) {
    now = now.plus(by);
    listeners.forEach(Runnable::run);
  }

  int listeners() {
    return listeners.size();
  }

  @Override
  public Registration onChange(Runnable listener) {
    Runnable own = listener::run;
    listeners.add(own);
    return () -> listeners.remove(own);
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
