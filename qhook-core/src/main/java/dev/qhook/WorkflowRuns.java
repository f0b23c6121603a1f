package dev.qhook;

import dev.qhook.spi.Page;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.WorkflowRun;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow runs of the engine (docs/reference/http-api.md, "Workflow runs"), from {@link
 * QHook#workflowRuns()}: listing, detail, cancel, redrive and callbacks. Runs are started by
 * ingest, like every other consumer of an event.
 */
public interface WorkflowRuns {
  /** Runs in id (creation) order, filtered and paged as the query says. */
  Page<WorkflowRun> runs(RunQuery query);

  Optional<WorkflowRun> run(String id);

  /** The run with its step executions in order, each with its job, input and output. */
  Optional<RunDetail> detail(String id);

  /** Runs per status (for {@code GET /api/stats}). */
  Map<RunStatus, Long> countByStatus();

  /**
   * Cancels a running run (docs/reference/http-api.md, "POST /api/workflow-runs/{id}/cancel"): its
   * pending jobs are cancelled, its callback tokens invalidated, its running child runs cancelled;
   * responses still in flight are ignored.
   *
   * @return {@link RunOperation.Applied} with status cancelled, {@link RunOperation.NotFound}, or
   *     {@link RunOperation.Conflict} when the run is not running
   */
  RunOperation cancel(String id);

  /**
   * Redrives a failed run (docs/reference/http-api.md, "POST /api/workflow-runs/{id}/redrive"): the
   * failed step runs again from its recorded input with fresh attempts (a parallel or map step
   * whole), under a new deadline when the run failed on its deadline.
   *
   * @return {@link RunOperation.Applied} with status running and the step, {@link
   *     RunOperation.NotFound}, or {@link RunOperation.Conflict} when the run is not failed
   */
  RunOperation redrive(String id);

  /**
   * Completes the waiting callback step that issued {@code token} with {@code body} as its result
   * ({@code POST /callback/{token}}): true exactly once per token; false for an unknown, used,
   * expired, invalidated or malformed token (the HTTP route answers 404 alike).
   */
  boolean completeCallback(String token, byte[] body);
}
