package dev.qhook.server.internal.routes;

import dev.qhook.Health;
import dev.qhook.QHook;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} and {@code GET /ready} (docs/reference/http-api.md, "GET /health", "GET
 * /ready"); both open.
 */
public final class HealthRoutes {
  private final QHook engine;
  private final Readiness readiness;

  public HealthRoutes(QHook engine, Readiness readiness) {
    this.engine = engine;
    this.readiness = readiness;
  }

  public Response health(Request request) {
    Health health = engine.health();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status().label());
    body.put("db_healthy", health.dbHealthy());
    if (!health.dbHealthy()) {
      body.put("detail", health.detail() == null ? "database unreachable" : health.detail());
      return Response.json(503, body);
    }
    body.put("queue_depth", health.queueDepth());
    body.put("dead_jobs", health.deadJobs());
    return Response.ok(body);
  }

  public Response ready(Request request) {
    String reason = readiness.notReadyReason();
    if (reason == null) {
      return Response.ok(Map.of("status", "ready"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "not_ready");
    body.put("reason", reason);
    return Response.json(503, body);
  }
}
