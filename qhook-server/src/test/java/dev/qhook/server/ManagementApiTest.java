package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementApiTest {
  private static final String[] AUTH = {"Authorization", "Bearer s3cret"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
    TestConfig config =
        new TestConfig()
            .eventSource("app")
            .eventSource("other")
            .handler("once", "app", receiver.url("/once"), TestConfig.attempts(1));
    config.authToken = "s3cret";
    server = RunningServer.start(config);
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  private String ingest(String source, String type, String body) {
    HttpResponse<String> response = server.post("/events/" + source + "/" + type, body, AUTH);
    assertThat(response.statusCode()).isEqualTo(202);
    return RunningServer.json(response).get("event_id").asText();
  }

  private JsonNode getJson(String path) {
    HttpResponse<String> response = server.get(path, AUTH);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return RunningServer.json(response);
  }

  @Test
  void everyApiRouteAndEventIngestNeedTheBearerToken() {
    for (String path : List.of("/api/events", "/api/jobs", "/api/jobs/x", "/api/events/x")) {
      HttpResponse<String> response = server.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("unauthorized");
    }
    assertThat(server.get("/api/events", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(server.post("/events/app/x", "{}").statusCode()).isEqualTo(401);
    assertThat(server.post("/api/jobs/retry", "").statusCode()).isEqualTo(401);
  }

  @Test
  void eventListPagesWithAfterAndHasMoreInBothOrders() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(ingest("other", "t" + i, "{}"));
    }

    JsonNode first = getJson("/api/events?limit=2");
    assertThat(first.get("events")).hasSize(2);
    assertThat(first.get("has_more").asBoolean()).isTrue();
    assertThat(first.get("events").get(0).get("id").asText()).isEqualTo(ids.get(0));
    String after = first.get("events").get(1).get("id").asText();

    JsonNode rest = getJson("/api/events?limit=10&after=" + after);
    assertThat(rest.get("events")).hasSize(3);
    assertThat(rest.get("has_more").asBoolean()).isFalse();
    assertThat(rest.get("events").get(2).get("id").asText()).isEqualTo(ids.get(4));

    JsonNode newest = getJson("/api/events?order=desc&limit=1&source=other");
    assertThat(newest.get("events").get(0).get("id").asText()).isEqualTo(ids.get(4));

    JsonNode byType = getJson("/api/events?event_type=t3");
    assertThat(byType.get("events")).hasSize(1);
    JsonNode summary = byType.get("events").get(0);
    assertThat(summary.get("source").asText()).isEqualTo("other");
    assertThat(summary.has("unique_key")).isTrue();
    assertThat(summary.get("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  void badListParametersAre400NamingTheParameter() {
    HttpResponse<String> limit = server.get("/api/events?limit=5000", AUTH);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(limit).get("code").asText()).isEqualTo("bad_request");
    assertThat(RunningServer.json(limit).get("message").asText()).startsWith("limit:");

    assertThat(server.get("/api/jobs?status=sleeping", AUTH).body()).contains("status:");
    assertThat(server.get("/api/events?since=yesterday", AUTH).body()).contains("since:");
    assertThat(server.get("/api/events?order=up", AUTH).statusCode()).isEqualTo(400);
    assertThat(
            server.get("/api/events?since=2020-01-01&until=2999-01-01T00:00:00", AUTH).statusCode())
        .isEqualTo(200);
  }

  @Test
  void eventDetailHasPayloadHeadersAndJobs() {
    String id = ingest("app", "order.created", "{\"n\":1}");
    receiver.awaitRequests(1, Duration.ofSeconds(10));

    JsonNode detail = getJson("/api/events/" + id);

    assertThat(detail.get("id").asText()).isEqualTo(id);
    assertThat(detail.get("event_type").asText()).isEqualTo("order.created");
    assertThat(detail.get("payload").get("n").asInt()).isEqualTo(1);
    assertThat(detail.get("jobs")).hasSize(1);
    assertThat(detail.get("jobs").get(0).get("handler").asText()).isEqualTo("once");
    assertThat(detail.get("workflow_runs")).isEmpty();

    String textId = ingest("other", "t", "not json");
    assertThat(getJson("/api/events/" + textId).get("payload").asText()).isEqualTo("not json");
    assertThat(server.get("/api/events/01NOPE", AUTH).statusCode()).isEqualTo(404);
  }

  @Test
  void deadJobIsListedWithAttemptsAndRetriedUntilDelivered() {
    receiver.respondWith(500);
    String eventId = ingest("app", "x", "{}");
    JsonNode dead = awaitJobWithStatus("dead");
    String jobId = dead.get("id").asText();
    assertThat(dead.get("event_id").asText()).isEqualTo(eventId);
    assertThat(dead.get("attempt").asInt()).isEqualTo(1);
    assertThat(dead.get("max_attempts").asInt()).isEqualTo(1);
    assertThat(dead.get("last_error").asText()).isEqualTo("HTTP 500");

    JsonNode attempts = getJson("/api/jobs/" + jobId + "/attempts").get("attempts");
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(500);
    assertThat(getJson("/api/jobs/" + jobId + "?include_attempts=true").get("attempts")).hasSize(1);
    assertThat(getJson("/api/jobs/" + jobId).has("attempts")).isFalse();

    HttpResponse<String> retried = server.post("/api/jobs/" + jobId + "/retry", "", AUTH);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(retried).get("status").asText()).isEqualTo("available");

    receiver.awaitRequests(2, Duration.ofSeconds(10));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> getJson("/api/jobs/" + jobId).get("status").asText().equals("completed"));

    HttpResponse<String> again = server.post("/api/jobs/" + jobId + "/retry", "", AUTH);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(RunningServer.json(again).get("code").asText()).isEqualTo("conflict");
    assertThat(server.post("/api/jobs/01NOPE/retry", "", AUTH).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/jobs/01NOPE/attempts", AUTH).statusCode()).isEqualTo(404);
  }

  @Test
  void bulkRetryRevivesEveryDeadJobOfAHandler() {
    receiver.respondWith(500).respondWith(500);
    ingest("app", "x", "{}");
    ingest("app", "y", "{}");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> getJson("/api/jobs?status=dead").get("jobs").size() == 2);

    HttpResponse<String> wrongStatus =
        server.post("/api/jobs/retry", "{\"status\":\"completed\"}", AUTH);
    assertThat(wrongStatus.statusCode()).isEqualTo(400);
    assertThat(server.post("/api/jobs/retry", "{not json", AUTH).statusCode()).isEqualTo(400);

    HttpResponse<String> none = server.post("/api/jobs/retry?handler=other", "", AUTH);
    assertThat(RunningServer.json(none).get("retried").asInt()).isZero();

    HttpResponse<String> response =
        server.post("/api/jobs/retry", "{\"status\":\"dead\",\"handler\":\"once\"}", AUTH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("retried").asInt()).isEqualTo(2);
    receiver.awaitRequests(4, Duration.ofSeconds(10));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> getJson("/api/jobs?status=completed&handler=once").get("jobs").size() == 2);
  }

  @Test
  void jobListFiltersByEventAndPages() {
    String first = ingest("app", "x", "{}");
    ingest("app", "x", "{}");
    receiver.awaitRequests(2, Duration.ofSeconds(10));

    JsonNode forEvent = getJson("/api/jobs?event_id=" + first);
    assertThat(forEvent.get("jobs")).hasSize(1);

    JsonNode page = getJson("/api/jobs?limit=1");
    assertThat(page.get("has_more").asBoolean()).isTrue();
    String after = page.get("jobs").get(0).get("id").asText();
    JsonNode next = getJson("/api/jobs?limit=1&after=" + after);
    assertThat(next.get("has_more").asBoolean()).isFalse();
    assertThat(next.get("jobs").get(0).get("id").asText()).isGreaterThan(after);
  }

  @Test
  void anEventsJobsAreListedAndPagedUnderTheEvent() {
    String first = ingest("app", "x", "{}");
    String second = ingest("app", "x", "{}");
    receiver.awaitRequests(2, Duration.ofSeconds(10));

    JsonNode jobs = getJson("/api/events/" + first + "/jobs");
    assertThat(jobs.get("has_more").asBoolean()).isFalse();
    assertThat(jobs.get("jobs")).hasSize(1);
    assertThat(jobs.get("jobs").get(0).get("event_id").asText()).isEqualTo(first);
    assertThat(jobs.get("jobs").get(0).get("handler").asText()).isEqualTo("once");
    assertThat(getJson("/api/events/" + second + "/jobs?handler=other").get("jobs")).isEmpty();

    HttpResponse<String> unknown = server.get("/api/events/nope/jobs", AUTH);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(unknown).get("message").asText()).isEqualTo("no event 'nope'");
    HttpResponse<String> badLimit = server.get("/api/events/" + first + "/jobs?limit=0", AUTH);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(badLimit).get("message").asText()).startsWith("limit:");
    assertThat(server.get("/api/events/" + first + "/jobs").statusCode()).isEqualTo(401);
  }

  @Test
  void statsCountEventsPerSourceJobsPerStatusAndEachHandlersJobs() throws Exception {
    JsonNode fresh = getJson("/api/stats");
    List<String> members = new ArrayList<>();
    fresh.fieldNames().forEachRemaining(members::add);
    assertThat(members)
        .containsExactly(
            "events_by_source", "jobs_by_status", "handlers", "queues", "workflow_runs_by_status");
    assertThat(fresh.get("events_by_source")).isEqualTo(JSON.readTree("{\"app\":0,\"other\":0}"));
    assertThat(fresh.get("handlers"))
        .isEqualTo(JSON.readTree("{\"once\":{\"completed\":0,\"dead\":0,\"pending\":0}}"));

    receiver.respondWith(500);
    ingest("app", "x", "{}");
    awaitJobWithStatus("dead");
    ingest("app", "y", "{}");
    awaitJobWithStatus("completed");
    ingest("other", "z", "{}");

    JsonNode stats = getJson("/api/stats");
    assertThat(stats.get("events_by_source")).isEqualTo(JSON.readTree("{\"app\":2,\"other\":1}"));
    JsonNode jobs = stats.get("jobs_by_status");
    assertThat(jobs.get("completed").asLong()).isEqualTo(1);
    assertThat(jobs.get("dead").asLong()).isEqualTo(1);
    assertThat(jobs.get("available").asLong()).isZero();
    assertThat(stats.get("handlers"))
        .isEqualTo(JSON.readTree("{\"once\":{\"completed\":1,\"dead\":1,\"pending\":0}}"));
    assertThat(stats.get("queues").isEmpty()).isTrue();
  }

  private JsonNode awaitJobWithStatus(String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> getJson("/api/jobs?status=" + status).get("jobs").size() == 1);
    return getJson("/api/jobs?status=" + status).get("jobs").get(0);
  }
}
