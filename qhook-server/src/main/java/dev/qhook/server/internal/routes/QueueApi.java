package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.DeadMessage;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.QueueStats;
import dev.qhook.config.QueueConfig;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management routes of pull queues (docs/reference/http-api.md, "Queue management"), behind
 * {@code api.auth_token}: list, detail, dead letters, redrive, delete dead, drain; and the queue
 * counts of {@code GET /api/stats}.
 */
public final class QueueApi {
  private final QHook engine;

  QueueApi(QHook engine) {
    this.engine = engine;
  }

  /** {@code GET /api/queues}: every queue in config order, with its depth, from one read. */
  public Response list(Request request) {
    Map<String, QueueStats> stats = engine.queueStats();
    List<Map<String, Object>> queues = new ArrayList<>();
    for (QueueConfig config : engine.config().queues().values()) {
      QueueStats s = stats.get(config.name());
      queues.add(QueueViews.summary(config, s != null ? s : empty(config.name())));
    }
    return Response.ok(Map.of("queues", queues));
  }

  /** {@code GET /api/queues/{name}}: counts and the oldest visible message (not leased). */
  public Response detail(Request request) {
    QueueClient queue = queue(request);
    QueueStats stats = queue.stats();
    List<QueueMessage> oldest = queue.peek(1);
    return Response.ok(
        QueueViews.detail(
            queue.config(),
            stats,
            queue.completedCount(),
            oldest.isEmpty() ? null : oldest.get(0)));
  }

  /** {@code GET /api/queues/{name}/dlq?after&limit}: dead messages, oldest first. */
  public Response deadLetters(Request request) {
    QueueClient queue = queue(request);
    int limit = ListParams.limit(request.query("limit"));
    Page<DeadMessage> page =
        queue.deadLetters(ListParams.emptyToNull(request.query("after")), limit);
    return Response.ok(ApiViews.page("messages", page, QueueViews::dead));
  }

  /** {@code POST /api/queues/{name}/dlq/redrive}: {@code {"ids":[...]}}, or empty for all. */
  public Response redrive(Request request) {
    QueueClient queue = queue(request);
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    int redriven = body.has("ids") ? queue.redrive(QueueParams.ids(body)) : queue.redriveAll();
    return Response.ok(Map.of("redriven", redriven));
  }

  /** {@code DELETE /api/queues/{name}/dlq}. */
  public Response deleteDead(Request request) {
    return Response.ok(Map.of("deleted", queue(request).deleteDead()));
  }

  /** {@code POST /api/queues/{name}/drain}: every message, whatever its state. */
  public Response drain(Request request) {
    return Response.ok(Map.of("deleted", queue(request).drain()));
  }

  /** {@code GET /api/stats}: the counts of every queue. */
  public Response stats(Request request) {
    Map<String, Object> queues = new LinkedHashMap<>();
    engine.queueStats().forEach((name, s) -> queues.put(name, QueueViews.counts(s)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("queues", queues);
    return Response.ok(body);
  }

  private QueueClient queue(Request request) {
    return QueueConsumerApi.queue(engine, request.pathParam("name"));
  }

  private static QueueStats empty(String name) {
    return new QueueStats(name, 0, 0, 0, 0, null);
  }
}
