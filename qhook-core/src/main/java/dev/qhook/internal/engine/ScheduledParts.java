package dev.qhook.internal.engine;

import dev.qhook.internal.cron.CronTicker;
import dev.qhook.internal.time.Timers;
import dev.qhook.internal.workflow.RunSweeper;
import dev.qhook.internal.workflow.WorkflowEngine;
import java.util.Locale;

/**
 * What runs on the engine's clock, assembled: maintenance (lost jobs, leases, retention, the
 * workflow deadline sweep; docs/architecture.md, "Storing and delivering") and the cron sources'
 * ticker ("Cron sources").
 */
final class ScheduledParts {
  private final Maintenance maintenance;
  private final CronTicker cron;
  private final WorkflowEngine workflows;

  /**
   * @param wake asks the dispatcher for a claim round
   * @param cronSink stores the event of a cron tick
   */
  ScheduledParts(
      SharedParts s,
      Timers timers,
      Runnable wake,
      WorkflowEngine workflows,
      CronTicker.TickSink cronSink) {
    this.workflows = workflows;
    this.maintenance =
        new Maintenance(s.store(), s.clock(), s.config(), wake, s.metrics(), s.alerts(), timers);
    timers.afterMove(wake); // a stepped clock's move may make retries due
    maintenance.onLostForGood(workflows::lostForGood);
    this.cron =
        new CronTicker(
            s.config(),
            s.clock(),
            cronSink,
            (source, result) ->
                s.metrics().cronTick(source, result.name().toLowerCase(Locale.ROOT)),
            timers.scheduler(DeliveryExecutors.named("qhook-cron")));
  }

  /** At start on a store no other instance shares: requeues the jobs left running. */
  void recoverOrphans() {
    maintenance.recoverOrphans();
  }

  void start() {
    maintenance.start();
    cron.start();
    maintenance.scheduleEvery(workflows.sweeper(), RunSweeper.EVERY);
  }

  void close() {
    cron.close();
    maintenance.close();
  }
}
