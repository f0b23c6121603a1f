package dev.qhook.internal.workflow;

import dev.qhook.Alert;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.Store;
import dev.qhook.spi.WorkflowRun;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends runs from outside their steps: on their deadline (docs/reference/configuration.md,
 * "Timeouts") and on cancel, with children cancelled too. Each end is one store transaction that
 * also cancels the run's pending jobs and invalidates its tokens; results still in flight are then
 * ignored.
 */
final class RunEnds {
  private static final Logger log = LoggerFactory.getLogger(RunEnds.class);

  private final Store store;
  private final Clock clock;
  private final WorkflowMetrics metrics;
  private final Consumer<Alert> alerts;

  RunEnds(Store store, Clock clock, WorkflowMetrics metrics, Consumer<Alert> alerts) {
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
    this.alerts = alerts;
  }

  /** Fails a run that passed its deadline ("workflow timeout", class timeout, not catchable). */
  boolean timedOut(WorkflowRun run) {
    return fail(run, WorkflowError.runTimeout(run.currentStep(), null));
  }

  /** Fails a running run with {@code error}, from outside its steps (not catchable). */
  boolean fail(WorkflowRun run, WorkflowError error) {
    if (!store.runs().endRun(run.id(), RunStatus.FAILED, error.toJsonText(), clock.instant())) {
      return false;
    }
    log.warn("run {} of workflow {} failed: {}", run.id(), run.workflow(), error.message());
    failed(run.workflow(), run.id(), run.currentStep(), error);
    return true;
  }

  /** After a run failed: counted and alerted ({@code workflow_failed}). */
  void failed(
      String workflow,
      String runId,
      @org.jspecify.annotations.Nullable String step,
      WorkflowError error) {
    metrics.run(workflow, "failed");
    alerts.accept(Alert.workflowFailed(workflow, runId, step, error.message()));
  }

  /** Cancels a running run and its running children, depth first after the run itself. */
  boolean cancel(WorkflowRun run) {
    if (!store.runs().endRun(run.id(), RunStatus.CANCELLED, null, clock.instant())) {
      return false;
    }
    metrics.run(run.workflow(), "cancelled");
    for (WorkflowRun child : store.runs().runs(RunQuery.childrenOf(run.id())).items()) {
      if (child.status() == RunStatus.RUNNING) {
        cancel(child);
      }
    }
    return true;
  }
}
