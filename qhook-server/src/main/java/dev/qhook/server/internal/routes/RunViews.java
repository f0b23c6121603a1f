package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.RunDetail;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Timestamps;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Run and RunDetail objects of the management API (docs/reference/http-api.md, "Workflow
 * runs"), as ordered maps; null fields are present as null. Stored JSON texts (input, output,
 * error) are embedded as JSON values.
 */
final class RunViews {
  private RunViews() {}

  static Map<String, Object> run(WorkflowRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("workflow", r.workflow());
    m.put("event_id", r.eventId());
    m.put("status", r.status().label());
    m.put("current_step", r.currentStep());
    m.put("parent_run_id", r.parentRunId());
    m.put("error", json(r.error()));
    m.put("created_at", Timestamps.format(r.createdAt()));
    m.put("completed_at", Timestamps.format(r.completedAt()));
    m.put("timeout_at", Timestamps.format(r.deadline()));
    m.put("definition_version", r.definitionHash());
    return m;
  }

  static Map<String, Object> detail(RunDetail detail) {
    Map<String, Object> m = run(detail.run());
    m.put("input", json(detail.run().input()));
    m.put("output", json(detail.run().output()));
    m.put("steps", detail.steps().stream().map(RunViews::step).toList());
    return m;
  }

  /** A step execution: its Job, then {@code input}, {@code output} and {@code error}. */
  static Map<String, Object> step(RunStep step) {
    Map<String, Object> m = ApiViews.job(step.job());
    m.put("input", json(step.input()));
    m.put("output", json(step.output()));
    m.put("error", json(step.error()));
    return m;
  }

  /** Stored JSON text as a JSON value (a string if it somehow is not JSON); null stays null. */
  static @Nullable Object json(@Nullable String text) {
    if (text == null) {
      return null;
    }
    JsonNode node = ServerJson.parseOrNull(text.getBytes(StandardCharsets.UTF_8));
    return node != null ? node : text;
  }
}
