package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Timestamps;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.Page;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON objects of the management API (docs/reference/http-api.md, "Management API"), as ordered
 * maps; null fields are present as null.
 */
final class ApiViews {
  private ApiViews() {}

  /**
   * A listing page (docs/reference/http-api.md, "Lists: paging and filters"): the items under
   * {@code key}, and {@code has_more}.
   */
  static <T> Map<String, Object> page(
      String key, Page<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, page.items().stream().map(view).toList());
    body.put("has_more", page.hasMore());
    return body;
  }

  static Map<String, Object> eventSummary(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("source", e.source());
    m.put("event_type", e.eventType());
    m.put("unique_key", e.uniqueKey());
    m.put("created_at", Timestamps.format(e.createdAt()));
    return m;
  }

  static Map<String, Object> eventDetail(Event e, List<Job> jobs, List<WorkflowRun> runs) {
    Map<String, Object> m = eventSummary(e);
    JsonNode json = ServerJson.parseOrNull(e.payload());
    m.put("payload", json != null ? json : new String(e.payload(), StandardCharsets.UTF_8));
    m.put("headers", e.headers().isEmpty() ? null : e.headers());
    m.put("jobs", jobs.stream().map(ApiViews::job).toList());
    m.put("workflow_runs", runs.stream().map(RunViews::run).toList());
    return m;
  }

  static Map<String, Object> job(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("event_id", j.eventId());
    m.put("handler", j.target());
    m.put("url", j.url());
    m.put("status", j.status().label());
    m.put("attempt", j.attempt());
    m.put("max_attempts", j.maxAttempts());
    m.put("scheduled_at", Timestamps.format(j.scheduledAt()));
    m.put("started_at", Timestamps.format(j.startedAt()));
    m.put("completed_at", Timestamps.format(j.completedAt()));
    m.put("created_at", Timestamps.format(j.createdAt()));
    m.put("last_error", j.lastError());
    if (j.orderingKey() != null) {
      m.put("ordering_key", j.orderingKey());
    }
    StepRef step = j.step();
    if (step != null) {
      m.put("workflow_run_id", step.runId());
      m.put("step_name", step.stepName());
      m.put("step_index", step.stepIndex());
      m.put("branch", step.branch());
    }
    return m;
  }

  static Map<String, Object> attempt(AttemptRecord a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", a.attempt());
    m.put("status_code", a.statusCode());
    m.put("error", a.error());
    m.put("duration_ms", a.durationMs());
    m.put("created_at", Timestamps.format(a.createdAt()));
    m.put("response_body", a.responseBody());
    return m;
  }
}
