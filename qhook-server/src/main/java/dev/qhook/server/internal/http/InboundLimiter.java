package dev.qhook.server.internal.http;

import java.util.concurrent.Semaphore;

/** Bounds the requests being processed at once ({@code server.max_inbound}); never waits. */
final class InboundLimiter {
  private final Semaphore permits;

  InboundLimiter(int maxInbound) {
    if (maxInbound < 1) {
      throw new IllegalArgumentException("max_inbound must be >= 1, was " + maxInbound);
    }
    this.permits = new Semaphore(maxInbound);
  }

  /** Takes a slot, or returns false at once when all are in use. */
  boolean tryEnter() {
    return permits.tryAcquire();
  }

  void exit() {
    permits.release();
  }
}
