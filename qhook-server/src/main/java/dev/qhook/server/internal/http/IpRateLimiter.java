package dev.qhook.server.internal.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-client-IP limit ({@code server.ip_rate_limit}, docs/reference/configuration.md,
 * "server"): a fixed one-second window per address, at most {@link #MAX_TRACKED} addresses
 * remembered, the least recently seen forgotten first.
 */
final class IpRateLimiter {
  static final int MAX_TRACKED = 100_000;

  private static final class Window {
    long second;
    int count;
  }

  private final int perSecond;
  private final Clock clock;
  private final Map<String, Window> windows;

  /**
   * @param perSecond requests allowed per address and second; 0 turns the limit off
   */
  IpRateLimiter(int perSecond, Clock clock, int maxTracked) {
    this.perSecond = perSecond;
    this.clock = clock;
    this.windows =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > maxTracked;
          }
        };
  }

  IpRateLimiter(int perSecond, Clock clock) {
    this(perSecond, clock, MAX_TRACKED);
  }

  /** False when the limit is off: every request is allowed and nothing is counted. */
  boolean enabled() {
    return perSecond > 0;
  }

  /** Counts a request from {@code ip}; false when it exceeds the limit. */
  boolean tryAcquire(String ip) {
    if (perSecond <= 0) {
      return true;
    }
    long second = Math.floorDiv(clock.millis(), 1000);
    synchronized (windows) {
      Window window = windows.computeIfAbsent(ip, k -> new Window());
      if (window.second != second) {
        window.second = second;
        window.count = 0;
      }
      window.count++;
      return window.count <= perSecond;
    }
  }

  int tracked() {
    synchronized (windows) {
      return windows.size();
    }
  }
}
