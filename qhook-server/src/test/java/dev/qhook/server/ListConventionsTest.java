package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list conventions of docs/reference/http-api.md ("Lists: paging and filters") on every list
 * route: a bad value is 400 {@code bad_request} naming the parameter (never a 500), and a parameter
 * a list does not take is refused rather than ignored.
 */
class ListConventionsTest {
  private static final String[] AUTH = {"Authorization", "Bearer s3cret"};

  private RunningServer server;
  private String eventId;

  @BeforeEach
  void start() {
    server =
        RunningServer.start(
            QHookConfig.fromYaml(
                """
                api: { auth_token: s3cret }
                server: { allow_private_urls: true }
                sources:
                  app: { type: event }
                  shop: { type: outbound }
                  nightly: { type: cron, schedule: "0 0 1 1 *" }
                queues:
                  work: { source: app, max_attempts: 1 }
                """),
            b -> b,
            b -> b);
    HttpResponse<String> ingested = server.post("/events/app/order.created", "{}", AUTH);
    assertThat(ingested.statusCode()).isEqualTo(202);
    eventId = RunningServer.json(ingested).get("event_id").asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> lists() {
    return List.of(
        "/api/events",
        "/api/jobs",
        "/api/events/" + eventId + "/jobs",
        "/api/workflow-runs",
        "/api/outbound/endpoints",
        "/api/queues/work/dlq");
  }

  private JsonNode error(String path, int status) {
    HttpResponse<String> response = server.get(path, AUTH);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return RunningServer.json(response);
  }

  @Test
  void everyListPagesAndRefusesABadLimitOrOrderNamingIt() {
    for (String list : lists()) {
      JsonNode page = RunningServer.json(server.get(list + "?limit=1&order=asc", AUTH));
      assertThat(page.has("has_more")).as(list).isTrue();
      for (String bad : List.of("limit=0", "limit=1001", "limit=ten")) {
        JsonNode error = error(list + "?" + bad, 400);
        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).as(list).startsWith("limit:");
      }
      assertThat(error(list + "?order=up", 400).get("message").asText()).startsWith("order:");
    }
  }

  @Test
  void timeFiltersAreCheckedOnEveryList() {
    for (String list : lists()) {
      assertThat(server.get(list + "?since=0001-01-01&until=9999-12-31", AUTH).statusCode())
          .as(list)
          .isEqualTo(200);
      assertThat(error(list + "?since=yesterday", 400).get("message").asText())
          .as(list)
          .startsWith("since: invalid timestamp 'yesterday'");
      assertThat(error(list + "?until=%2B999999999-12-31T23:59:59Z", 400).get("message").asText())
          .as(list)
          .startsWith("until:")
          .contains("out of range");
    }
  }

  @Test
  void theEndpointAndDeadLetterListsFilterByCreationTimeAndSortNewestFirst() {
    String first;
    String second;
    try (RecordingReceiver customer = RecordingReceiver.start().answerChallenges()) {
      first = endpoint(customer.url("/hook"));
      second = endpoint(customer.url("/hook"));
    }
    deadLetter("a");
    deadLetter("b");

    for (String list : List.of("/api/outbound/endpoints", "/api/queues/work/dlq")) {
      String key = list.endsWith("dlq") ? "messages" : "endpoints";
      assertThat(page(list + "?until=2000-01-01", key)).as(list).isEmpty();
      assertThat(page(list + "?since=2000-01-01", key)).as(list).hasSize(2);
      assertThat(page(list + "?since=9000-01-01", key)).as(list).isEmpty();
      List<String> newestFirst = ids(page(list + "?order=desc", key));
      List<String> oldestFirst = ids(page(list + "?order=asc", key));
      java.util.Collections.reverse(oldestFirst);
      assertThat(newestFirst).as(list).hasSize(2).isEqualTo(oldestFirst);
    }
    assertThat(ids(page("/api/outbound/endpoints?order=desc", "endpoints")))
        .containsExactly(second, first);
  }

  private String endpoint(String url) {
    HttpResponse<String> created =
        server.post(
            "/api/outbound/endpoints", "{\"source\":\"shop\",\"url\":\"" + url + "\"}", AUTH);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return RunningServer.json(created).get("id").asText();
  }

  /** A message of the queue work, made dead by a nack on its last delivery. */
  private void deadLetter(String name) {
    assertThat(server.post("/events/app/dead." + name, "{}", AUTH).statusCode()).isEqualTo(202);
    JsonNode received =
        RunningServer.json(server.get("/api/queues/work/messages?batch=1&wait=1", AUTH));
    String id = received.get("messages").get(0).get("id").asText();
    HttpResponse<String> nacked =
        server.post("/api/queues/work/nack", "{\"ids\":[\"" + id + "\"]}", AUTH);
    assertThat(RunningServer.json(nacked).get("dead").asInt()).as(nacked.body()).isEqualTo(1);
  }

  private JsonNode page(String path, String key) {
    HttpResponse<String> response = server.get(path, AUTH);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return RunningServer.json(response).get(key);
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new java.util.ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void bulkReplayChecksItsBodyLikeTheLists() {
    for (String body :
        List.of(
            "{\"limit\":0}",
            "{\"limit\":\"ten\"}",
            "{\"since\":\"yesterday\"}",
            "{\"until\":\"+999999999-12-31T23:59:59Z\"}",
            "{\"targets\":\"billing\"}",
            "{\"source\":7}",
            "[1]",
            "{")) {
      HttpResponse<String> response = server.post("/api/events/replay", body, AUTH);
      assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(400);
      assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("bad_request");
    }
  }

  @Test
  void aCronSourceTicksOnDemandWithTheScheduledTicksShape() {
    HttpResponse<String> tick = server.post("/api/sources/nightly/tick", "", AUTH);

    assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
    String id = RunningServer.json(tick).get("event_id").asText();
    JsonNode event = RunningServer.json(server.get("/api/events/" + id, AUTH));
    assertThat(event.get("source").asText()).isEqualTo("nightly");
    assertThat(event.get("event_type").asText()).isEqualTo("cron.tick");
    assertThat(event.at("/payload/source").asText()).isEqualTo("nightly");
    assertThat(event.at("/payload/fired_at").asText()).endsWith("Z");

    assertThat(server.post("/api/sources/nightly/tick", "").statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = server.post("/api/sources/nope/tick", "", AUTH);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(unknown).get("message").asText()).isEqualTo("no source 'nope'");
    HttpResponse<String> notCron = server.post("/api/sources/app/tick", "", AUTH);
    assertThat(notCron.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(notCron).get("message").asText())
        .isEqualTo("source 'app' is not a cron source (type event)");
  }
}
