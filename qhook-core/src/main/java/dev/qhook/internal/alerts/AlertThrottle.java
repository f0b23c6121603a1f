package dev.qhook.internal.alerts;

import dev.qhook.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets an alert pass at most once per window for the same kind and subject
 * (docs/reference/configuration.md, "alerts"). Bounded: expired entries are forgotten once the
 * table grows large.
 */
final class AlertThrottle {
  static final int PRUNE_ABOVE = 10_000;

  private final Clock clock;
  private final Duration window;
  private final Map<String, Instant> lastPassed = new HashMap<>();

  AlertThrottle(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /** True if no identical alert passed within the window; records this one as passed. */
  synchronized boolean tryPass(Alert alert) {
    Instant now = clock.instant();
    String key = alert.kind().label() + '\u0000' + alert.subject();
    Instant last = lastPassed.get(key);
    if (last != null && now.isBefore(last.plus(window))) {
      return false;
    }
    if (lastPassed.size() >= PRUNE_ABOVE) {
      lastPassed.values().removeIf(passed -> !now.isBefore(passed.plus(window)));
    }
    lastPassed.put(key, now);
    return true;
  }

  /** Remembered alerts, for tests. */
  synchronized int size() {
    return lastPassed.size();
  }
}
