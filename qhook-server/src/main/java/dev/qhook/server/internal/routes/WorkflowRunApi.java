package dev.qhook.server.internal.routes;

import dev.qhook.RunOperation;
import dev.qhook.WorkflowRuns;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /api/workflow-runs} routes (docs/reference/http-api.md, "Workflow runs"): list,
 * detail, redrive, cancel. Each route has a plain method answering the same JSON body, which the
 * {@code workflow-runs} CLI uses on the database itself.
 */
public final class WorkflowRunApi {
  private final WorkflowRuns runs;

  public WorkflowRunApi(WorkflowRuns runs) {
    this.runs = runs;
  }

  /**
   * {@code GET /api/workflow-runs?status=&limit=&order=desc}, newest first: {@code
   * {"workflow_runs": [Run], "has_more"}}.
   */
  public Map<String, Object> list(@Nullable String status, int limit) {
    return list(null, status, null, new ListParams(limit, null, true, null, null));
  }

  Map<String, Object> list(
      @Nullable String workflow, @Nullable String status, @Nullable String eventId, ListParams p) {
    RunQuery query =
        new RunQuery(
            ListParams.emptyToNull(workflow),
            status(status),
            ListParams.emptyToNull(eventId),
            null,
            p.since(),
            p.until(),
            p.after(),
            p.limit(),
            p.descending());
    return ApiViews.page("workflow_runs", runs.runs(query), RunViews::run);
  }

  /** {@code GET /api/workflow-runs/{id}}: RunDetail. */
  public Map<String, Object> detail(String id) {
    return RunViews.detail(
        runs.detail(id).orElseThrow(() -> ApiException.notFound("no workflow run '" + id + "'")));
  }

  /** {@code POST /api/workflow-runs/{id}/redrive}: {@code {"id", "status": "running", "step"}}. */
  public Map<String, Object> redrive(String id) {
    return applied(runs.redrive(id), true);
  }

  /** {@code POST /api/workflow-runs/{id}/cancel}: {@code {"id", "status": "cancelled"}}. */
  public Map<String, Object> cancel(String id) {
    return applied(runs.cancel(id), false);
  }

  /** The {@code workflow_runs_by_status} member of {@code GET /api/stats}: every status. */
  public Map<String, Object> countByStatus() {
    Map<RunStatus, Long> counts = runs.countByStatus();
    Map<String, Object> byStatus = new LinkedHashMap<>();
    for (RunStatus status : RunStatus.values()) {
      byStatus.put(status.label(), counts.getOrDefault(status, 0L));
    }
    return byStatus;
  }

  private static Map<String, Object> applied(RunOperation operation, boolean withStep) {
    if (operation instanceof RunOperation.NotFound) {
      throw ApiException.notFound("no workflow run '" + operation.runId() + "'");
    }
    if (operation instanceof RunOperation.Conflict conflict) {
      throw ApiException.conflict(conflict.message());
    }
    RunOperation.Applied done = (RunOperation.Applied) operation;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", done.runId());
    body.put("status", done.status().label());
    if (withStep) {
      body.put("step", done.step());
    }
    return body;
  }

  private static @Nullable RunStatus status(@Nullable String label) {
    if (label == null || label.isEmpty()) {
      return null;
    }
    for (RunStatus status : RunStatus.values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    throw ApiException.badRequest(
        "status: unknown run status '"
            + label
            + "' (one of "
            + Arrays.stream(RunStatus.values())
                .map(RunStatus::label)
                .collect(Collectors.joining(", "))
            + ")");
  }

  // ---- the routes ----

  Response list(Request request) {
    return Response.ok(
        list(
            request.query("workflow"),
            request.query("status"),
            request.query("event_id"),
            ListParams.of(request)));
  }

  Response detail(Request request) {
    return Response.ok(detail(request.pathParam("id")));
  }

  Response redrive(Request request) {
    return Response.ok(redrive(request.pathParam("id")));
  }

  Response cancel(Request request) {
    return Response.ok(cancel(request.pathParam("id")));
  }
}
