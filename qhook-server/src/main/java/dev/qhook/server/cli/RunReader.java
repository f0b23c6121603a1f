package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code workflow-runs} commands read and change, as the JSON bodies of the management API
 * (docs/reference/http-api.md, "Workflow runs"): from the database itself ({@link LocalRuns}) or
 * through a running server ({@link RemoteRuns}), so that both print the same.
 */
interface RunReader extends AutoCloseable {
  /** {@code GET /api/workflow-runs?status=&limit=&order=desc}: newest first. */
  JsonNode list(@Nullable String status, int limit);

  /** {@code POST /api/workflow-runs/{id}/redrive}. */
  JsonNode redrive(String id);

  /** {@code POST /api/workflow-runs/{id}/cancel}. */
  JsonNode cancel(String id);

  @Override
  void close();
}
