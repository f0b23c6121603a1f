package dev.qhook.server.internal.routes;

import dev.qhook.QHook;
import dev.qhook.server.internal.http.BearerToken;
import dev.qhook.server.internal.http.Route;
import dev.qhook.server.internal.http.RouteTable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The server's route table (docs/reference/http-api.md, "Routes") and who guards each route. */
public final class ServerRoutes {
  private ServerRoutes() {}

  public static RouteTable create(
      QHook engine, Readiness readiness, @Nullable PrometheusMeterRegistry prometheus) {
    BearerToken apiToken = BearerToken.of(engine.config().api().authToken());
    BearerToken metricsToken = BearerToken.of(engine.config().api().metricsAuthToken());
    IngestRoutes ingest = new IngestRoutes(engine, readiness, apiToken);
    HealthRoutes health = new HealthRoutes(engine, readiness);
    MetricsRoute metrics = new MetricsRoute(prometheus);
    EventApi events = new EventApi(engine.admin(), engine.workflowRuns());
    JobApi jobs = new JobApi(engine.admin());
    QueueConsumerApi consumers = new QueueConsumerApi(engine, readiness, apiToken);
    QueueApi queues = new QueueApi(engine);
    WorkflowRunApi runs = new WorkflowRunApi(engine.workflowRuns());
    StatsApi stats = new StatsApi(engine, queues, runs);
    CallbackRoute callbacks = new CallbackRoute(engine.workflowRuns());
    OutboundApi outbound = new OutboundApi(engine.outbound());
    ReplayApi replay = new ReplayApi(engine.admin());
    CronTickApi cron = new CronTickApi(engine, readiness, apiToken, Clock.systemUTC());
    return new RouteTable(
        List.of(
            // /events checks the token itself, after database health
            // (docs/reference/http-api.md, "POST /events/{source}/{event_type}").
            Route.postLater("/events/{source}/{type}", ingest::events),
            Route.postLater("/events/{source}", ingest::eventBatch),
            Route.postLater("/webhooks/{source}", ingest::webhooks),
            Route.postLater("/sns/{source}", ingest::sns),
            Route.any("/_echo", EchoRoute::echo),
            Route.get("/health", health::health),
            Route.get("/ready", health::ready),
            Route.get("/metrics", metricsToken.guard(metrics::metrics)),
            Route.get("/api/openapi.json", apiToken.guard(OpenApiRoute::describe)),
            Route.get("/api/events", apiToken.guard(events::list)),
            Route.get("/api/events/{id}", apiToken.guard(events::detail)),
            Route.get("/api/events/{id}/jobs", apiToken.guard(jobs::ofEvent)),
            Route.post("/api/events/replay", apiToken.guard(replay::replayMany)),
            Route.post("/api/events/{id}/replay", apiToken.guard(replay::replayOne)),
            Route.get("/api/jobs", apiToken.guard(jobs::list)),
            Route.post("/api/jobs/retry", apiToken.guard(jobs::retryDead)),
            Route.get("/api/jobs/{id}", apiToken.guard(jobs::detail)),
            Route.get("/api/jobs/{id}/attempts", apiToken.guard(jobs::attempts)),
            Route.post("/api/jobs/{id}/retry", apiToken.guard(jobs::retry)),
            Route.get("/api/stats", apiToken.guard(stats::stats)),
            Route.postLater("/api/sources/{source}/tick", cron::tick),
            Route.get("/api/workflow-runs", apiToken.guard(runs::list)),
            Route.get("/api/workflow-runs/{id}", apiToken.guard(runs::detail)),
            Route.post("/api/workflow-runs/{id}/redrive", apiToken.guard(runs::redrive)),
            Route.post("/api/workflow-runs/{id}/cancel", apiToken.guard(runs::cancel)),
            // The token is the credential (docs/reference/http-api.md, "POST /callback/{token}").
            Route.post("/callback/{token}", callbacks::complete),
            // Consumer routes check the queue's api_key (or the API token) themselves.
            Route.getWaiting("/api/queues/{name}/messages", consumers::receive),
            Route.post("/api/queues/{name}/ack", consumers::ack),
            Route.post("/api/queues/{name}/nack", consumers::nack),
            Route.post("/api/queues/{name}/extend", consumers::extend),
            Route.get("/api/queues", apiToken.guard(queues::list)),
            Route.get("/api/queues/{name}", apiToken.guard(queues::detail)),
            Route.get("/api/queues/{name}/peek", apiToken.guard(queues::peek)),
            Route.get("/api/queues/{name}/dlq", apiToken.guard(queues::deadLetters)),
            Route.delete("/api/queues/{name}/dlq", apiToken.guard(queues::deleteDead)),
            Route.post("/api/queues/{name}/dlq/redrive", apiToken.guard(queues::redrive)),
            Route.post("/api/queues/{name}/drain", apiToken.guard(queues::drain)),
            Route.post("/api/outbound/endpoints", apiToken.guard(outbound::create)),
            Route.get("/api/outbound/endpoints", apiToken.guard(outbound::list)),
            Route.get("/api/outbound/endpoints/{id}", apiToken.guard(outbound::detail)),
            Route.put("/api/outbound/endpoints/{id}", apiToken.guard(outbound::update)),
            Route.delete("/api/outbound/endpoints/{id}", apiToken.guard(outbound::delete)),
            Route.post(
                "/api/outbound/endpoints/{id}/rotate-secret",
                apiToken.guard(outbound::rotateSecret)),
            Route.post("/api/outbound/endpoints/{id}/recover", apiToken.guard(outbound::recover)),
            Route.post(
                "/api/outbound/endpoints/{id}/subscriptions", apiToken.guard(outbound::subscribe)),
            Route.get(
                "/api/outbound/endpoints/{id}/subscriptions",
                apiToken.guard(outbound::subscriptions)),
            Route.delete(
                "/api/outbound/endpoints/{id}/subscriptions/{sub_id}",
                apiToken.guard(outbound::unsubscribe))));
  }
}
