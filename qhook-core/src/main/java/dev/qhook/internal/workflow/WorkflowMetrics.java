package dev.qhook.internal.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Workflow metrics (docs/reference/http-api.md, "Metrics"): {@code qhook_workflow_runs_total} by
 * workflow and status (started, completed, failed, cancelled), {@code
 * qhook_workflow_steps_completed_total} by workflow, and the callback counters.
 */
public final class WorkflowMetrics {
  private final MeterRegistry registry;
  private final Counter callbacksReceived;
  private final Counter callbacksExpired;

  public WorkflowMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.callbacksReceived =
        Counter.builder("qhook.callbacks.received")
            .description("Callbacks that resumed a waiting step")
            .register(registry);
    this.callbacksExpired =
        Counter.builder("qhook.callbacks.expired")
            .description("Callback steps whose callback_timeout expired")
            .register(registry);
  }

  /** A run of {@code workflow} started, completed, failed or was cancelled. */
  public void run(String workflow, String status) {
    Counter.builder("qhook.workflow.runs")
        .description("Workflow runs by outcome")
        .tags("workflow", workflow, "status", status)
        .register(registry)
        .increment();
  }

  /** A step of {@code workflow} finished successfully or continued after a failure. */
  public void stepCompleted(String workflow) {
    Counter.builder("qhook.workflow.steps.completed")
        .description("Workflow steps finished successfully or continued after failure")
        .tags("workflow", workflow)
        .register(registry)
        .increment();
  }

  public void callbackReceived() {
    callbacksReceived.increment();
  }

  public void callbacksExpired(int count) {
    callbacksExpired.increment(count);
  }
}
