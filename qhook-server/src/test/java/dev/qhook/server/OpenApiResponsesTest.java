package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.internal.routes.OpenApiRoute;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running server driven through its main routes, every response checked against openapi.yaml by
 * {@link RunningServer} (status, content type, body schema, no undescribed field); the test then
 * asserts which described answers were seen, so that the main routes stay covered. Other server
 * tests are checked the same way, for every response they receive.
 */
class OpenApiResponsesTest {
  private static final String[] AUTH = {"Authorization", "Bearer s3cret"};
  private static final String JSON = "application/json";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String YAML =
      """
      api: { auth_token: s3cret }
      server: { allow_private_urls: true }
      sources:
        app: { type: event }
        hook: { type: webhook }
        shop: { type: outbound }
      handlers:
        good: { source: app, events: [order.*], url: RECEIVER/good, retry: { max: 1 } }
        bad: { source: app, events: [order.*], url: RECEIVER/bad, retry: { max: 1 } }
      queues:
        work: { source: app, events: [task.*], max_attempts: 1 }
      workflows:
        approval:
          source: app
          events: [approve]
          steps:
            - { name: ask, type: callback, url: RECEIVER/notify }
      """;

  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver =
        RecordingReceiver.start()
            .answerChallenges()
            .respondTo("/bad", RecordingReceiver.Response.status(500));
    server =
        RunningServer.start(
            QHookConfig.fromYaml(YAML.replace("RECEIVER", receiver.url(""))),
            UnaryOperator.identity(),
            UnaryOperator.identity());
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void theDescriptionIsServedAsJsonBehindTheApiToken() throws Exception {
    HttpResponse<String> served = server.get("/api/openapi.json", AUTH);

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue(JSON);
    JsonNode document = RunningServer.json(served);
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document).isEqualTo(OpenApiDescription.JSON.readTree(OpenApiRoute.json()));
    assertThat(document.get("paths").has("/api/openapi.json")).isTrue();
    assertThat(server.get("/api/openapi.json").statusCode()).isEqualTo(401);
  }

  @Test
  void theMainRoutesAnswerAsDescribed() {
    ingestAndManage();
    queues();
    workflowRuns();
    outbound();
    server.post("/webhooks/hook", "{\"a\":1}");
    server.post("/_echo", "{\"challenge\":\"c1\"}");
    for (String path :
        List.of("/health", "/ready", "/metrics", "/api/stats", "/api/openapi.json")) {
      assertThat(server.get(path, AUTH).statusCode()).as(path).isEqualTo(200);
    }

    assertThat(server.describedAnswers())
        .contains(
            "POST /events/{source}/{event_type} 202",
            "POST /events/{source}/{event_type} 401",
            "POST /events/{source}/{event_type} 404",
            "POST /events/{source} 200",
            "POST /webhooks/{source} 200",
            "POST /_echo 200",
            "GET /health 200",
            "GET /ready 200",
            "GET /metrics 200",
            "GET /api/openapi.json 200",
            "GET /api/stats 200",
            "GET /api/events 200",
            "GET /api/events 400",
            "GET /api/events/{id} 200",
            "GET /api/events/{id} 404",
            "GET /api/events/{id}/jobs 200",
            "POST /api/events/{id}/replay 200",
            "POST /api/events/replay 200",
            "GET /api/jobs 200",
            "GET /api/jobs/{id} 200",
            "GET /api/jobs/{id}/attempts 200",
            "POST /api/jobs/{id}/retry 200",
            "POST /api/jobs/{id}/retry 409",
            "POST /api/jobs/retry 200",
            "GET /api/queues 200",
            "GET /api/queues/{name} 200",
            "GET /api/queues/{name} 404",
            "GET /api/queues/{name}/peek 200",
            "GET /api/queues/{name}/messages 200",
            "POST /api/queues/{name}/extend 200",
            "POST /api/queues/{name}/nack 200",
            "POST /api/queues/{name}/ack 200",
            "POST /api/queues/{name}/ack 400",
            "GET /api/queues/{name}/dlq 200",
            "POST /api/queues/{name}/dlq/redrive 200",
            "DELETE /api/queues/{name}/dlq 200",
            "POST /api/queues/{name}/drain 200",
            "GET /api/workflow-runs 200",
            "GET /api/workflow-runs/{id} 200",
            "POST /api/workflow-runs/{id}/cancel 200",
            "POST /api/workflow-runs/{id}/cancel 409",
            "POST /api/workflow-runs/{id}/redrive 409",
            "POST /callback/{token} 404",
            "POST /api/outbound/endpoints 201",
            "GET /api/outbound/endpoints 200",
            "GET /api/outbound/endpoints/{id} 200",
            "GET /api/outbound/endpoints/{id} 404",
            "PUT /api/outbound/endpoints/{id} 200",
            "POST /api/outbound/endpoints/{id}/subscriptions 201",
            "GET /api/outbound/endpoints/{id}/subscriptions 200",
            "POST /api/outbound/endpoints/{id}/rotate-secret 200",
            "POST /api/outbound/endpoints/{id}/recover 200",
            "DELETE /api/outbound/endpoints/{id}/subscriptions/{sub_id} 204",
            "DELETE /api/outbound/endpoints/{id} 204");
  }

  /** Ingest (single, duplicate, batch, refusals), events, jobs, retries and replay. */
  private void ingestAndManage() {
    String key = "Idempotency-Key";
    String eventId =
        json(server.post("/events/app/order.created", "{\"n\":1}", AUTH[0], AUTH[1], key, "k1"))
            .get("event_id")
            .asText();
    server.post("/events/app/order.created", "{\"n\":1}", AUTH[0], AUTH[1], key, "k1");
    server.post("/events/app", "[{\"type\":\"order.paid\",\"payload\":{}},{\"payload\":1}]", AUTH);
    server.post("/events/app/order.created", "{}");
    server.post("/events/nope/order.created", "{}", AUTH);
    server.get("/api/events?limit=0", AUTH);
    server.get("/api/events/01ARZ3NDEKTSV4RRFFQ69G5FAV", AUTH);

    JsonNode dead =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> json(server.get("/api/jobs?status=dead", AUTH)).get("jobs"),
                jobs -> !jobs.isEmpty());
    String deadId = dead.get(0).get("id").asText();
    String completedId =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> json(server.get("/api/jobs?status=completed", AUTH)).get("jobs"),
                jobs -> !jobs.isEmpty())
            .get(0)
            .get("id")
            .asText();
    server.get("/api/events?order=desc&limit=10", AUTH);
    server.get("/api/events/" + eventId, AUTH);
    server.get("/api/events/" + eventId + "/jobs", AUTH);
    server.get("/api/jobs", AUTH);
    server.get("/api/jobs/" + deadId + "?include_attempts=true", AUTH);
    server.get("/api/jobs/" + deadId + "/attempts", AUTH);
    server.post("/api/jobs/" + deadId + "/retry", "", AUTH);
    server.post("/api/jobs/" + completedId + "/retry", "", AUTH);
    server.post("/api/jobs/retry", "{\"handler\":\"bad\"}", AUTH);
    server.post("/api/events/" + eventId + "/replay", "{\"targets\":[\"good\"]}", AUTH);
    server.post("/api/events/replay", "{\"source\":\"app\",\"limit\":1}", AUTH);
  }

  /** A message received, extended, nacked to the dead letters, redriven, acked; then drained. */
  private void queues() {
    server.post("/events/app/task.created", "{\"t\":1}", AUTH);
    server.get("/api/queues", AUTH);
    server.get("/api/queues/work", AUTH);
    server.get("/api/queues/nope", AUTH);
    server.get("/api/queues/work/peek?limit=5", AUTH);
    String id = receiveOne();
    server.post("/api/queues/work/extend", "{\"ids\":[\"" + id + "\"],\"seconds\":60}", AUTH);
    server.post("/api/queues/work/nack", "{\"ids\":[\"" + id + "\"]}", AUTH);
    server.get("/api/queues/work/dlq", AUTH);
    server.post("/api/queues/work/dlq/redrive", "", AUTH);
    server.post("/api/queues/work/ack", "{\"ids\":[\"" + receiveOne() + "\"]}", AUTH);
    server.post("/api/queues/work/ack", "{\"ids\":7}", AUTH);
    server.delete("/api/queues/work/dlq", AUTH);
    server.post("/api/queues/work/drain", "", AUTH);
  }

  private String receiveOne() {
    JsonNode messages =
        json(server.get("/api/queues/work/messages?batch=5&wait=10s", AUTH)).get("messages");
    assertThat(messages).hasSize(1);
    return messages.get(0).get("id").asText();
  }

  /** A run (waiting on its callback: it stays running), read, then cancelled. */
  private void workflowRuns() {
    server.post("/events/app/approve", "{\"tenant\":\"t1\"}", AUTH);
    JsonNode runs = json(server.get("/api/workflow-runs?workflow=approval", AUTH));
    String runId = runs.get("workflow_runs").get(0).get("id").asText();
    server.get("/api/workflow-runs/" + runId, AUTH);
    server.post("/callback/" + "0".repeat(52), "yes");
    server.post("/api/workflow-runs/" + runId + "/cancel", "", AUTH);
    server.post("/api/workflow-runs/" + runId + "/cancel", "", AUTH);
    server.post("/api/workflow-runs/" + runId + "/redrive", "", AUTH);
  }

  /** An endpoint created (ownership check passed), subscribed, read, rotated, then deleted. */
  private void outbound() {
    String body = "{\"source\":\"shop\",\"url\":\"" + receiver.url("/hooks") + "\"}";
    HttpResponse<String> created = server.post("/api/outbound/endpoints", body, AUTH);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asText();
    String endpoint = "/api/outbound/endpoints/" + id;
    String subscribed = "{\"event_types\":[\"order.*\"],\"filter\":\"$.n > 0\"}";
    String subscription =
        json(server.post(endpoint + "/subscriptions", subscribed, AUTH))
            .get("subscriptions")
            .get(0)
            .get("id")
            .asText();
    server.get("/api/outbound/endpoints?source=shop", AUTH);
    server.get(endpoint, AUTH);
    server.put(endpoint, "{\"description\":\"Acme\",\"metadata\":{\"tenant\":\"acme\"}}", AUTH);
    server.get(endpoint + "/subscriptions", AUTH);
    server.post(endpoint + "/rotate-secret", "{\"grace\":\"1h\"}", AUTH);
    server.post(endpoint + "/recover", "{\"since\":\"2026-01-01\"}", AUTH);
    server.delete(endpoint + "/subscriptions/" + subscription, AUTH);
    server.delete(endpoint, AUTH);
    server.get(endpoint, AUTH);
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
    return RunningServer.json(response);
  }
}
