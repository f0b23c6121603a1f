package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The {@code workflow-runs} commands through the management API of a running server. */
final class RemoteRuns implements RunReader {
  private final RemoteApi api;

  RemoteRuns(RemoteApi api) {
    this.api = api;
  }

  @Override
  public JsonNode list(@Nullable String status, int limit) {
    String query =
        "?order=desc&limit=" + limit + (status == null ? "" : "&status=" + encode(status));
    return api.get("/api/workflow-runs" + query);
  }

  @Override
  public JsonNode redrive(String id) {
    return api.post("/api/workflow-runs/" + encode(id) + "/redrive", "");
  }

  @Override
  public JsonNode cancel(String id) {
    return api.post("/api/workflow-runs/" + encode(id) + "/cancel", "");
  }

  @Override
  public void close() {}

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
