package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
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
                sources:
                  app: { type: event }
                  shop: { type: outbound }
                  nightly: { type: cron, schedule: "0 0 1 1 *" }
                queues:
                  work: { source: app }
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
  void timeFiltersAreCheckedOnEveryListAndRefusedWhereTheListHasNone() {
    for (String list :
        List.of(
            "/api/events", "/api/jobs", "/api/events/" + eventId + "/jobs", "/api/workflow-runs")) {
      assertThat(server.get(list + "?since=0001-01-01&until=9999-12-31", AUTH).statusCode())
          .as(list)
          .isEqualTo(200);
      assertThat(error(list + "?since=yesterday", 400).get("message").asText())
          .startsWith("since: invalid timestamp 'yesterday'");
      assertThat(error(list + "?until=%2B999999999-12-31T23:59:59Z", 400).get("message").asText())
          .as(list)
          .startsWith("until:")
          .contains("out of range");
    }
    assertThat(error("/api/outbound/endpoints?since=2026-01-01", 400).get("message").asText())
        .isEqualTo("since: not supported by the endpoint list");
    assertThat(error("/api/queues/work/dlq?until=2026-01-01", 400).get("message").asText())
        .isEqualTo("until: not supported by the dead-letter list");
    assertThat(error("/api/queues/work/dlq?order=desc", 400).get("message").asText())
        .startsWith("order: the dead-letter list is listed oldest first only");
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
