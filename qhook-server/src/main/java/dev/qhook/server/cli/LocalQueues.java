package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QHook;
import dev.qhook.StoreException;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.routes.QueueApi;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code queues} commands on the database itself: an engine over the configured database that
 * is never started (nothing is delivered or swept), answering what the management routes answer.
 */
final class LocalQueues implements QueueReader {
  private final QHook engine;
  private final QueueApi api;

  private LocalQueues(QHook engine) {
    this.engine = engine;
    this.api = new QueueApi(engine);
  }

  static LocalQueues open(QHookConfig config) {
    return new LocalQueues(engine(config));
  }

  /** An engine over the configured database that is never started. */
  static QHook engine(QHookConfig config) {
    try {
      return QHook.builder().config(config).build();
    } catch (RuntimeException e) {
      throw new CliFailure(
          "cannot open the database: "
              + e.getMessage()
              + " (with a server running, use --remote URL --token T)");
    }
  }

  @Override
  public JsonNode list() {
    return json(api::list);
  }

  @Override
  public JsonNode detail(String name) {
    return json(() -> api.detail(name));
  }

  @Override
  public JsonNode peek(String name, int limit) {
    return json(() -> api.peek(name, limit));
  }

  @Override
  public JsonNode deadLetters(String name, int limit) {
    return json(() -> api.deadLetters(name, null, limit));
  }

  @Override
  public JsonNode redrive(String name, @Nullable String id) {
    return json(() -> api.redrive(name, id == null ? null : List.of(id)));
  }

  @Override
  public JsonNode drain(String name) {
    return json(() -> api.drain(name));
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The body a management-route method answers, or the failure it stands for. */
  static JsonNode json(Supplier<Map<String, Object>> read) {
    try {
      return ServerJson.MAPPER.valueToTree(read.get());
    } catch (ApiException e) {
      throw new CliFailure(e.code() + ": " + e.getMessage());
    } catch (StoreException e) {
      throw new CliFailure("cannot read the database: " + e.getMessage());
    }
  }
}
