package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code queues} commands through the management API, remote or local. */
final class ApiQueues implements QueueReader {
  private final ApiClient api;

  ApiQueues(ApiClient api) {
    this.api = api;
  }

  @Override
  public JsonNode list() {
    return api.get("/api/queues");
  }

  @Override
  public JsonNode detail(String name) {
    return api.get(queue(name));
  }

  @Override
  public JsonNode peek(String name, int limit) {
    return api.get(queue(name) + "/peek?limit=" + limit);
  }

  @Override
  public JsonNode deadLetters(String name, int limit) {
    return api.get(queue(name) + "/dlq?limit=" + limit);
  }

  @Override
  public JsonNode redrive(String name, @Nullable String id) {
    String body =
        id == null
            ? ""
            : new String(ServerJson.write(Map.of("ids", List.of(id))), StandardCharsets.UTF_8);
    return api.post(queue(name) + "/dlq/redrive", body);
  }

  @Override
  public JsonNode drain(String name) {
    return api.post(queue(name) + "/drain", "");
  }

  @Override
  public void close() {}

  private static String queue(String name) {
    return "/api/queues/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
