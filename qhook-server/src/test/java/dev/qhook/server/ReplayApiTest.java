package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/events/{id}/replay} and {@code POST /api/events/replay}. */
class ReplayApiTest {
  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start().answerChallenges();
    String yaml =
        """
        server: { allow_private_urls: true }
        sources:
          app: { type: event }
          shop: { type: outbound }
        handlers:
          audit: { source: app, url: RECEIVER/audit }
          mirror: { source: shop, url: RECEIVER/mirror }
        queues:
          work: { source: app }
        workflows:
          fulfil:
            source: app
            events: [order.shipped]
            steps:
              - { name: ship, url: RECEIVER/fulfil }
        """
            .replace("RECEIVER", receiver.url(""));
    server = RunningServer.start(QHookConfig.fromYaml(yaml), b -> b, b -> b);
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void replayingAnEventCreatesNewJobsForEveryConsumerOrOnlyTheTargets() {
    String id = ingest("app", "order.created");
    assertThat(jobsOf(id)).isEqualTo(2);

    JsonNode all = json(call("POST", "/api/events/" + id + "/replay", ""), 200);
    assertThat(all.get("event_id").asText()).isEqualTo(id);
    assertThat(all.get("jobs_created").asInt()).isEqualTo(2);
    assertThat(all.get("workflow_runs_started").asInt()).isZero();
    JsonNode one =
        json(call("POST", "/api/events/" + id + "/replay", "{\"targets\":[\"audit\"]}"), 200);
    assertThat(one.get("jobs_created").asInt()).isEqualTo(1);
    assertThat(jobsOf(id)).isEqualTo(5);
    receiver.awaitDeliveries(3, java.time.Duration.ofSeconds(20));

    assertThat(json(call("POST", "/api/events/nope/replay", ""), 404).get("code").asText())
        .isEqualTo("not_found");
    assertThat(
            json(call("POST", "/api/events/" + id + "/replay", "{\"targets\":\"audit\"}"), 400)
                .get("code")
                .asText())
        .isEqualTo("bad_request");
  }

  @Test
  void replayReachesTheOutboundEndpointsSubscribedNow() {
    String endpoint =
        json(
                call(
                    "POST",
                    "/api/outbound/endpoints",
                    "{\"source\":\"shop\",\"url\":\"" + receiver.url("/customer") + "\"}"),
                201)
            .get("id")
            .asText();
    String before = ingest("shop", "order.created");
    assertThat(jobsOf(before)).isEqualTo(1); // the handler only: no subscription yet
    json(
        call(
            "POST",
            "/api/outbound/endpoints/" + endpoint + "/subscriptions",
            "{\"event_types\":[\"order.*\"]}"),
        201);

    JsonNode replayed =
        json(
            call(
                "POST",
                "/api/events/" + before + "/replay",
                "{\"targets\":[\"" + endpoint + "\"]}"),
            200);

    assertThat(replayed.get("jobs_created").asInt()).isEqualTo(1);
    assertThat(
            receiver.awaitDeliveries(2, java.time.Duration.ofSeconds(20)).stream()
                .filter(r -> r.path().equals("/customer"))
                .findFirst()
                .orElseThrow()
                .header("x-qhook-event-id"))
        .isEqualTo(before);
  }

  @Test
  void replayStartsTheEventsWorkflowsAgainOrOnlyTheTargetedOnes() {
    JsonNode ingested = json(call("POST", "/events/app/order.shipped", "{\"n\":1}"), 202);
    assertThat(ingested.get("workflow_runs_started").asInt()).isEqualTo(1);
    String id = ingested.get("event_id").asText();

    JsonNode all = json(call("POST", "/api/events/" + id + "/replay", ""), 200);
    assertThat(all.get("jobs_created").asInt()).isEqualTo(2);
    assertThat(all.get("workflow_runs_started").asInt()).isEqualTo(1);
    JsonNode onlyTheWorkflow =
        json(call("POST", "/api/events/" + id + "/replay", "{\"targets\":[\"fulfil\"]}"), 200);
    assertThat(onlyTheWorkflow.get("jobs_created").asInt()).isZero();
    assertThat(onlyTheWorkflow.get("workflow_runs_started").asInt()).isEqualTo(1);
    JsonNode notTheWorkflow =
        json(call("POST", "/api/events/" + id + "/replay", "{\"targets\":[\"audit\"]}"), 200);
    assertThat(notTheWorkflow.get("workflow_runs_started").asInt()).isZero();
    JsonNode bulk =
        json(call("POST", "/api/events/replay", "{\"event_type\":\"order.shipped\"}"), 200);
    assertThat(bulk.get("workflow_runs_started").asInt()).isEqualTo(1);

    JsonNode runs = json(call("GET", "/api/workflow-runs?event_id=" + id, ""), 200);
    assertThat(runs.get("workflow_runs")).hasSize(4);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> receiver.requests().stream().filter(r -> r.path().equals("/fulfil")).count(),
            n -> n == 4);
  }

  @Test
  void bulkReplayWalksTheSelectedEventsOldestFirstInPages() {
    String first = ingest("app", "order.created");
    String second = ingest("app", "order.paid");
    ingest("shop", "order.paid");

    JsonNode page =
        json(call("POST", "/api/events/replay", "{\"source\":\"app\",\"limit\":1}"), 200);
    assertThat(page.get("replayed").asInt()).isEqualTo(1);
    assertThat(page.get("jobs_created").asInt()).isEqualTo(2);
    assertThat(page.get("has_more").asBoolean()).isTrue();
    assertThat(page.get("last_event_id").asText()).isEqualTo(first);

    JsonNode rest =
        json(
            call(
                "POST",
                "/api/events/replay",
                "{\"source\":\"app\",\"limit\":1,\"after\":\"" + first + "\"}"),
            200);
    assertThat(rest.get("last_event_id").asText()).isEqualTo(second);
    assertThat(rest.get("has_more").asBoolean()).isFalse();
    JsonNode none = json(call("POST", "/api/events/replay", "{\"event_type\":\"nothing\"}"), 200);
    assertThat(none.get("replayed").asInt()).isZero();
    assertThat(none.get("last_event_id").isNull()).isTrue();
    assertThat(json(call("POST", "/api/events/replay", "{\"limit\":0}"), 400).get("code").asText())
        .isEqualTo("bad_request");
  }

  private String ingest(String source, String type) {
    return json(call("POST", "/events/" + source + "/" + type, "{\"n\":1}"), 202)
        .get("event_id")
        .asText();
  }

  private int jobsOf(String eventId) {
    return json(call("GET", "/api/jobs?event_id=" + eventId, null), 200).get("jobs").size();
  }

  private HttpResponse<String> call(String method, String path, String body) {
    return server.send(
        HttpRequest.newBuilder(server.uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningServer.json(response);
  }
}
