package dev.qhook.internal.engine;

/**
 * Database health as the worker sees it (docs/reference/http-api.md, "GET /ready"): three
 * consecutive failed operations make it unhealthy, the next success restores it.
 */
public final class DatabaseHealth {
  static final int FAILURES_TO_UNHEALTHY = 3;

  private int consecutiveFailures;
  private boolean healthy = true;
  private boolean recoveredUnreported;

  /** Returns true when this failure made the database unhealthy. */
  public synchronized boolean onFailure() {
    if (++consecutiveFailures >= FAILURES_TO_UNHEALTHY && healthy) {
      healthy = false;
      return true;
    }
    return false;
  }

  public synchronized void onSuccess() {
    consecutiveFailures = 0;
    if (!healthy) {
      healthy = true;
      recoveredUnreported = true;
    }
  }

  public synchronized boolean healthy() {
    return healthy;
  }

  /** True once after the database came back, for the {@code recovered} health status. */
  public synchronized boolean takeRecovered() {
    boolean r = recoveredUnreported;
    recoveredUnreported = false;
    return r;
  }
}
