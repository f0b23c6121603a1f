package dev.qhook.server.internal.routes;

import dev.qhook.Admin;
import dev.qhook.QHook;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.spi.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/stats} (docs/reference/http-api.md): events per source, jobs per status, handler
 * jobs per handler, queue counts and runs per status. Configured sources and handlers are listed
 * with zeros; sources and handlers that are no longer configured but still have stored rows are
 * listed too. One grouped count per member.
 */
final class StatsApi {
  private final QHook engine;
  private final QueueApi queues;
  private final WorkflowRunApi runs;

  StatsApi(QHook engine, QueueApi queues, WorkflowRunApi runs) {
    this.engine = engine;
    this.queues = queues;
    this.runs = runs;
  }

  Map<String, Object> stats() {
    Admin admin = engine.admin();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events_by_source", eventsBySource(admin));
    body.put("jobs_by_status", jobsByStatus(admin));
    body.put("handlers", handlers(admin));
    body.putAll(queues.stats());
    body.put("workflow_runs_by_status", runs.countByStatus());
    return body;
  }

  Response stats(Request request) {
    return Response.ok(stats());
  }

  private Map<String, Long> eventsBySource(Admin admin) {
    Map<String, Long> counts = new LinkedHashMap<>();
    engine.config().sources().keySet().forEach(source -> counts.put(source, 0L));
    counts.putAll(admin.eventsBySource());
    return counts;
  }

  private static Map<String, Long> jobsByStatus(Admin admin) {
    Map<String, Long> counts = new LinkedHashMap<>();
    admin.jobsByStatus().forEach((status, n) -> counts.put(status.label(), n));
    return counts;
  }

  /** {@code {name: {"completed", "dead", "pending"}}}; pending is every open status. */
  private Map<String, Object> handlers(Admin admin) {
    Map<String, Map<JobStatus, Long>> stored = admin.handlerJobsByStatus();
    Map<String, Object> handlers = new LinkedHashMap<>();
    for (String name : engine.config().handlers().keySet()) {
      handlers.put(name, handler(stored.getOrDefault(name, Map.of())));
    }
    stored.forEach((name, counts) -> handlers.putIfAbsent(name, handler(counts)));
    return handlers;
  }

  private static Map<String, Long> handler(Map<JobStatus, Long> counts) {
    long pending = 0;
    for (Map.Entry<JobStatus, Long> e : counts.entrySet()) {
      if (e.getKey().isOpen()) {
        pending += e.getValue();
      }
    }
    Map<String, Long> view = new LinkedHashMap<>();
    view.put("completed", counts.getOrDefault(JobStatus.COMPLETED, 0L));
    view.put("dead", counts.getOrDefault(JobStatus.DEAD, 0L));
    view.put("pending", pending);
    return view;
  }
}
