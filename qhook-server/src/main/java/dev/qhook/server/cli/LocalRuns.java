package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.internal.routes.WorkflowRunApi;
import org.jspecify.annotations.Nullable;

/**
 * The {@code workflow-runs} commands on the database itself: an engine over the configured database
 * that is never started, answering what the management routes answer. A redriven run continues when
 * a server (or an embedding application) runs on the database.
 */
final class LocalRuns implements RunReader {
  private final QHook engine;
  private final WorkflowRunApi api;

  private LocalRuns(QHook engine) {
    this.engine = engine;
    this.api = new WorkflowRunApi(engine.workflowRuns());
  }

  static LocalRuns open(QHookConfig config) {
    return new LocalRuns(LocalQueues.engine(config));
  }

  @Override
  public JsonNode list(@Nullable String status, int limit) {
    return LocalQueues.json(() -> api.list(status, limit));
  }

  @Override
  public JsonNode redrive(String id) {
    return LocalQueues.json(() -> api.redrive(id));
  }

  @Override
  public JsonNode cancel(String id) {
    return LocalQueues.json(() -> api.cancel(id));
  }

  @Override
  public void close() {
    engine.close();
  }
}
