package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow-run routes (docs/reference/http-api.md, "Workflow runs", "POST /callback/{token}")
 * over an engine running real workflows against a loopback receiver.
 */
class WorkflowRunRoutesTest {
  private static final String[] AUTH = {"Authorization", "Bearer s3cret"};
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String YAML =
      """
      server: { allow_private_urls: true }
      api: { auth_token: s3cret }
      delivery:
        default_retry: { max: 1 }
      sources:
        app: { type: event }
      workflows:
        two-steps:
          source: app
          events: [two]
          steps:
            - { name: first, url: RECEIVER/first, result_path: $.first }
            - { name: second, url: RECEIVER/second, input: '{"n": {{ $.n }}}' }
        approval:
          source: app
          events: [approve]
          steps:
            - { name: ask, type: callback, url: RECEIVER/notify, result_path: $.answer }
            - { name: done, url: RECEIVER/done }
        sleepy:
          source: app
          events: [sleep]
          steps:
            - { name: nap, type: wait, seconds: 3600 }
      """;

  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
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

  private String ingest(String type, String body) {
    HttpResponse<String> response = server.post("/events/app/" + type, body, AUTH);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(RunningServer.json(response).get("workflow_runs_started").asInt()).isEqualTo(1);
    return RunningServer.json(response).get("event_id").asText();
  }

  private JsonNode getJson(String path) {
    HttpResponse<String> response = server.get(path, AUTH);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return RunningServer.json(response);
  }

  private String runOf(String eventId) {
    JsonNode runs = getJson("/api/workflow-runs?event_id=" + eventId).get("workflow_runs");
    assertThat(runs).hasSize(1);
    return runs.get(0).get("id").asText();
  }

  private JsonNode awaitStatus(String runId, String status) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> getJson("/api/workflow-runs/" + runId),
            d -> d.get("status").asText().equals(status));
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Response json(String body) {
    return new Response(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
  }

  @Test
  void aRunsDetailHasItsStepsInOrderWithInputAndOutput() {
    receiver.respondWith(json("{\"ok\":1}")).respondWith(json("{\"done\":true}"));
    String eventId = ingest("two", "{\"n\":7}");
    String runId = runOf(eventId);

    JsonNode detail = awaitStatus(runId, "completed");

    assertThat(detail.get("workflow").asText()).isEqualTo("two-steps");
    assertThat(detail.get("event_id").asText()).isEqualTo(eventId);
    assertThat(detail.get("error").isNull()).isTrue();
    assertThat(detail.get("parent_run_id").isNull()).isTrue();
    assertThat(detail.get("completed_at").asText()).isNotEmpty();
    assertThat(detail.get("definition_version").asText()).matches("[0-9a-f]{32}");
    assertThat(detail.get("input")).isEqualTo(tree("{\"n\":7}"));
    assertThat(detail.get("output")).isEqualTo(tree("{\"done\":true}"));
    JsonNode steps = detail.get("steps");
    assertThat(steps).hasSize(2);
    JsonNode first = steps.get(0);
    assertThat(first.get("handler").asText()).isEqualTo("two-steps/first");
    assertThat(first.get("workflow_run_id").asText()).isEqualTo(runId);
    assertThat(first.get("step_name").asText()).isEqualTo("first");
    assertThat(first.get("step_index").asInt()).isZero();
    assertThat(first.get("status").asText()).isEqualTo("completed");
    assertThat(first.get("input")).isEqualTo(tree("{\"n\":7}"));
    assertThat(first.get("output")).isEqualTo(tree("{\"n\":7,\"first\":{\"ok\":1}}"));
    JsonNode second = steps.get(1);
    assertThat(second.get("step_name").asText()).isEqualTo("second");
    assertThat(second.get("step_index").asInt()).isEqualTo(1);
    assertThat(second.get("input")).isEqualTo(tree("{\"n\":7}"));
    assertThat(receiver.requestsTo("/second").get(0).bodyText()).isEqualTo("{\"n\":7}");
  }

  @Test
  void theEventDetailJobsListAndStatsShowRuns() {
    receiver.respondByDefault(json("{}"));
    String eventId = ingest("two", "{\"n\":1}");
    String runId = runOf(eventId);
    awaitStatus(runId, "completed");

    JsonNode event = getJson("/api/events/" + eventId);
    assertThat(event.get("workflow_runs")).hasSize(1);
    assertThat(event.get("workflow_runs").get(0).get("id").asText()).isEqualTo(runId);
    assertThat(event.get("workflow_runs").get(0).get("status").asText()).isEqualTo("completed");

    JsonNode jobs = getJson("/api/jobs?event_id=" + eventId).get("jobs");
    assertThat(jobs).hasSize(2);
    assertThat(jobs.get(0).get("workflow_run_id").asText()).isEqualTo(runId);
    assertThat(jobs.get(0).has("branch")).isTrue();

    JsonNode stats = getJson("/api/stats").get("workflow_runs_by_status");
    assertThat(stats.get("completed").asLong()).isEqualTo(1);
    assertThat(stats.get("running").asLong()).isZero();
    assertThat(stats.get("failed").asLong()).isZero();
    assertThat(stats.get("cancelled").asLong()).isZero();
  }

  @Test
  void theListFiltersAndPages() {
    receiver.respondByDefault(json("{}"));
    String a = runOf(ingest("two", "{\"n\":1}"));
    String b = runOf(ingest("two", "{\"n\":2}"));
    String sleeping = runOf(ingest("sleep", "{}"));
    awaitStatus(a, "completed");
    awaitStatus(b, "completed");

    JsonNode firstPage = getJson("/api/workflow-runs?workflow=two-steps&limit=1");
    assertThat(firstPage.get("workflow_runs").get(0).get("id").asText()).isEqualTo(a);
    assertThat(firstPage.get("has_more").asBoolean()).isTrue();
    JsonNode secondPage = getJson("/api/workflow-runs?workflow=two-steps&limit=1&after=" + a);
    assertThat(secondPage.get("workflow_runs").get(0).get("id").asText()).isEqualTo(b);
    assertThat(secondPage.get("has_more").asBoolean()).isFalse();
    assertThat(ids(getJson("/api/workflow-runs?status=running"))).containsExactly(sleeping);
    assertThat(ids(getJson("/api/workflow-runs?order=desc"))).containsExactly(sleeping, b, a);
    JsonNode run = getJson("/api/workflow-runs?status=running").get("workflow_runs").get(0);
    assertThat(run.get("current_step").asText()).isEqualTo("nap");
    assertThat(run.has("input")).isFalse();

    HttpResponse<String> bad = server.get("/api/workflow-runs?status=sleeping", AUTH);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(bad).get("message").asText())
        .isEqualTo(
            "status: unknown run status 'sleeping' (one of running, completed, failed, cancelled)");
    assertThat(server.get("/api/workflow-runs?limit=0", AUTH).statusCode()).isEqualTo(400);
  }

  private static List<String> ids(JsonNode page) {
    return page.get("workflow_runs").findValuesAsText("id");
  }

  @Test
  void aCallbackCompletesItsStepExactlyOnceAndEverythingElseIsTheSame404() {
    receiver.respondByDefault(json("{}"));
    String runId = runOf(ingest("approve", "{\"tenant\":\"t1\"}"));
    String token =
        tree(receiver.awaitRequests(1, WAIT).get(0).bodyText()).get("callback_token").asText();
    HttpResponse<String> unknown = server.post("/callback/" + "0".repeat(52), "{}");
    HttpResponse<String> malformed = server.post("/callback/not-a-token", "{}");

    HttpResponse<String> first = server.post("/callback/" + token, "approved by ops");
    HttpResponse<String> again = server.post("/callback/" + token, "approved twice");

    assertThat(first.statusCode()).isEqualTo(200);
    for (HttpResponse<String> refused : List.of(again, unknown, malformed)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).isEqualTo(again.body());
      assertThat(RunningServer.json(refused).get("code").asText()).isEqualTo("not_found");
    }
    JsonNode detail = awaitStatus(runId, "completed");
    assertThat(detail.get("steps").get(0).get("output"))
        .isEqualTo(tree("{\"tenant\":\"t1\",\"answer\":\"approved by ops\"}"));
    assertThat(receiver.requestsTo("/done").get(0).bodyText())
        .isEqualTo("{\"tenant\":\"t1\",\"answer\":\"approved by ops\"}");
  }

  @Test
  void aFailedRunIsRedrivenOnceAndARunningOneIsCancelledOnce() {
    receiver.respondWith(500);
    receiver.respondByDefault(json("{}"));
    String failedRun = runOf(ingest("two", "{\"n\":3}"));
    JsonNode failed = awaitStatus(failedRun, "failed");
    assertThat(failed.get("error").get("message").asText()).isEqualTo("HTTP 500");
    assertThat(failed.get("error").get("status_code").asInt()).isEqualTo(500);
    assertThat(server.post("/api/workflow-runs/" + failedRun + "/cancel", "", AUTH).statusCode())
        .isEqualTo(409);

    HttpResponse<String> redriven =
        server.post("/api/workflow-runs/" + failedRun + "/redrive", "", AUTH);

    assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
    assertThat(RunningServer.json(redriven))
        .isEqualTo(
            tree("{\"id\":\"" + failedRun + "\",\"status\":\"running\",\"step\":\"first\"}"));
    awaitStatus(failedRun, "completed");
    assertThat(server.post("/api/workflow-runs/" + failedRun + "/redrive", "", AUTH).statusCode())
        .isEqualTo(409);

    String sleeping = runOf(ingest("sleep", "{}"));
    HttpResponse<String> cancelled =
        server.post("/api/workflow-runs/" + sleeping + "/cancel", "", AUTH);
    assertThat(RunningServer.json(cancelled))
        .isEqualTo(tree("{\"id\":\"" + sleeping + "\",\"status\":\"cancelled\"}"));
    assertThat(getJson("/api/workflow-runs/" + sleeping).get("status").asText())
        .isEqualTo("cancelled");
    HttpResponse<String> twice =
        server.post("/api/workflow-runs/" + sleeping + "/cancel", "", AUTH);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(RunningServer.json(twice).get("code").asText()).isEqualTo("conflict");
  }

  @Test
  void unknownRunsAre404AndTheRoutesNeedTheToken() {
    for (String path : List.of("/api/workflow-runs/nope", "/api/workflow-runs/nope/redrive")) {
      HttpResponse<String> response =
          path.endsWith("redrive") ? server.post(path, "", AUTH) : server.get(path, AUTH);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(RunningServer.json(response).get("message").asText())
          .isEqualTo("no workflow run 'nope'");
    }
    assertThat(server.get("/api/workflow-runs").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/workflow-runs/x").statusCode()).isEqualTo(401);
    assertThat(server.post("/api/workflow-runs/x/cancel", "").statusCode()).isEqualTo(401);
  }
}
