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
import org.jspecify.annotations.Nullable;

/**
 * The management routes of pull queues (docs/reference/http-api.md, "Queue management"), behind
 * {@code api.auth_token}: list, detail, peek, dead letters, redrive, delete dead, drain; and the
 * queue counts of {@code GET /api/stats}. Each route has a plain method answering the same JSON
 * body, which the CLI's {@code queues} commands use when they open the database themselves.
 */
public final class QueueApi {
  private final QHook engine;

  public QueueApi(QHook engine) {
    this.engine = engine;
  }

  /** {@code GET /api/queues}: every queue in config order, with its counts, from one read. */
  public Map<String, Object> list() {
    Map<String, QueueStats> stats = engine.queueStats();
    List<Map<String, Object>> queues = new ArrayList<>();
    for (QueueConfig config : engine.config().queues().values()) {
      QueueStats s = stats.get(config.name());
      queues.add(QueueViews.summary(config, s != null ? s : empty(config.name())));
    }
    return Map.of("queues", queues);
  }

  /** {@code GET /api/queues/{name}}: counts and the oldest visible message (not leased). */
  public Map<String, Object> detail(String name) {
    QueueClient queue = QueueConsumerApi.queue(engine, name);
    QueueStats stats = queue.stats();
    List<QueueMessage> oldest = queue.peek(1);
    return QueueViews.detail(
        queue.config(), stats, queue.completedCount(), oldest.isEmpty() ? null : oldest.get(0));
  }

  /** {@code GET /api/queues/{name}/peek?limit}: visible messages in receive order, not leased. */
  public Map<String, Object> peek(String name, int limit) {
    return QueueViews.messages(QueueConsumerApi.queue(engine, name).peek(limit));
  }

  /**
   * {@code GET /api/queues/{name}/dlq?after&limit&order&since&until}: dead messages, oldest first
   * unless {@code order=desc}, created in the window.
   */
  Map<String, Object> deadLetters(String name, ListParams p) {
    Page<DeadMessage> page =
        QueueConsumerApi.queue(engine, name)
            .deadLetters(p.after(), p.limit(), p.descending(), p.since(), p.until());
    return ApiViews.page("messages", page, QueueViews::dead);
  }

  /** {@code POST /api/queues/{name}/dlq/redrive}: the given dead messages, or all when null. */
  public Map<String, Object> redrive(String name, @Nullable List<String> ids) {
    QueueClient queue = QueueConsumerApi.queue(engine, name);
    return Map.of("redriven", ids != null ? queue.redrive(ids) : queue.redriveAll());
  }

  /** {@code DELETE /api/queues/{name}/dlq}. */
  public Map<String, Object> deleteDead(String name) {
    return Map.of("deleted", QueueConsumerApi.queue(engine, name).deleteDead());
  }

  /** {@code POST /api/queues/{name}/drain}: every message, whatever its state. */
  public Map<String, Object> drain(String name) {
    return Map.of("deleted", QueueConsumerApi.queue(engine, name).drain());
  }

  /** The {@code queues} member of {@code GET /api/stats}: the counts of every queue. */
  public Map<String, Object> stats() {
    Map<String, Object> queues = new LinkedHashMap<>();
    engine.queueStats().forEach((name, s) -> queues.put(name, QueueViews.counts(s)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("queues", queues);
    return body;
  }

  // ---- the routes ----

  Response list(Request request) {
    return Response.ok(list());
  }

  Response detail(Request request) {
    return Response.ok(detail(request.pathParam("name")));
  }

  Response peek(Request request) {
    return Response.ok(
        peek(request.pathParam("name"), ListParams.limit(request.query("limit"), 1)));
  }

  Response deadLetters(Request request) {
    return Response.ok(deadLetters(request.pathParam("name"), ListParams.of(request)));
  }

  /** Body {@code {"ids":[...]}}, or empty (or without {@code ids}) for every dead message. */
  Response redrive(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    return Response.ok(
        redrive(request.pathParam("name"), body.has("ids") ? QueueParams.ids(body) : null));
  }

  Response deleteDead(Request request) {
    return Response.ok(deleteDead(request.pathParam("name")));
  }

  Response drain(Request request) {
    return Response.ok(drain(request.pathParam("name")));
  }

  private static QueueStats empty(String name) {
    return new QueueStats(name, 0, 0, 0, 0, null);
  }
}
