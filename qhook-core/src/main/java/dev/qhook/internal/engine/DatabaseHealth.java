package dev.qhook.internal.engine;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import java.util.concurrent.CompletionException;

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

  /**
   * A store failure counts toward database health; a value the database refused does not: the
   * database answered, and the value is the sender's (docs/configuration.md, "Stores").
   */
  static boolean countsToward(Throwable failure) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return e instanceof StoreException && !(e instanceof StoreRefusedException);
  }
}
