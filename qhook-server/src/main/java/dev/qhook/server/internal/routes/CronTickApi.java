package dev.qhook.server.internal.routes;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.BearerToken;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/sources/{source}/tick} (docs/reference/http-api.md): a cron source fires once
 * now, outside its schedule. The event is the one a scheduled tick stores, type {@code cron.tick}
 * and payload {@code {"source", "fired_at"}}, routed to the same handlers, queues and workflows; it
 * has no idempotency key, so every call stores an event. {@code qhook send} uses it for cron
 * sources.
 */
public final class CronTickApi {
  /** The event type of every tick, as the engine's scheduler stores it. */
  static final String TICK_TYPE = "cron.tick";

  private final QHook engine;
  private final Readiness readiness;
  private final BearerToken apiToken;
  private final Clock clock;

  CronTickApi(QHook engine, Readiness readiness, BearerToken apiToken, Clock clock) {
    this.engine = engine;
    this.readiness = readiness;
    this.apiToken = apiToken;
    this.clock = clock;
  }

  /**
   * The API token first (so that source names cannot be probed), then 404 for an unknown source,
   * 400 for a source that is not {@code cron}, 503 when the server is not ready.
   */
  public CompletableFuture<Response> tick(Request request) {
    apiToken.require(request);
    String name = request.pathParam("source");
    SourceConfig source = engine.config().sources().get(name);
    if (source == null) {
      throw ApiException.notFound("no source '" + name + "'");
    }
    if (source.type() != SourceType.CRON) {
      throw ApiException.badRequest(
          "source '"
              + name
              + "' is not a cron source (type "
              + source.type().name().toLowerCase(Locale.ROOT)
              + ")");
    }
    readiness.requireReady();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("source", name);
    payload.put("fired_at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    IngestRequest tick =
        new IngestRequest(
            name, TICK_TYPE, ServerJson.write(payload), Map.of("content-type", "application/json"));
    return engine.ingestAsync(tick).thenApply(r -> Response.jsonText(200, r.toJson()));
  }
}
