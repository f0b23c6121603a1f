package dev.qhook.server.internal.routes;

import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import java.util.Map;

/** {@code GET /api/stats} (docs/reference/http-api.md): queue counts and runs by status. */
final class StatsApi {
  private final QueueApi queues;
  private final WorkflowRunApi runs;

  StatsApi(QueueApi queues, WorkflowRunApi runs) {
    this.queues = queues;
    this.runs = runs;
  }

  Map<String, Object> stats() {
    Map<String, Object> body = queues.stats();
    body.put("workflow_runs_by_status", runs.countByStatus());
    return body;
  }

  Response stats(Request request) {
    return Response.ok(stats());
  }
}
