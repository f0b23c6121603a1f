package dev.qhook.internal.workflow;

import dev.qhook.spi.Store;
import dev.qhook.spi.WorkflowRun;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The run deadline sweep (docs/reference/configuration.md, "Timeouts"): every {@link #EVERY}, runs
 * past their deadline fail with class {@code timeout}, whatever they are doing; callback tokens
 * past their {@code callback_timeout} expire and wake their step, which fails with class {@code
 * timeout}. Safe on every instance of a cluster.
 */
public final class RunSweeper implements Runnable {
  /** How often the sweep runs: a deadline is detected at most this late. */
  public static final Duration EVERY = Duration.ofSeconds(2);

  /** Overdue runs handled per store read. */
  static final int BATCH = 100;

  /** What an expired token writes into its step record. */
  static final String EXPIRED = "{\"callback\":\"expired\"}";

  private final Store store;
  private final Clock clock;
  private final RunEnds ends;
  private final WorkflowMetrics metrics;
  private final Runnable wake;

  RunSweeper(Store store, Clock clock, RunEnds ends, WorkflowMetrics metrics, Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.ends = ends;
    this.metrics = metrics;
    this.wake = wake;
  }

  @Override
  public void run() {
    List<WorkflowRun> overdue;
    do {
      overdue = store.runs().overdueRuns(clock.instant(), BATCH);
      overdue.forEach(ends::timedOut);
    } while (overdue.size() == BATCH);
    int expired = store.runs().expireCallbackTokens(clock.instant(), EXPIRED);
    if (expired > 0) {
      metrics.callbacksExpired(expired);
      wake.run();
    }
  }
}
