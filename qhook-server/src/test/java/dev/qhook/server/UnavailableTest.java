package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QHook;
import dev.qhook.config.AlertKind;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class UnavailableTest {

  @Test
  void engineNotStartedAnswers503UnavailableWithRetryAfter30AndNotReady() {
    try (RunningServer server =
        RunningServer.start(
            new TestConfig().eventSource("app"), new FaultyStore(), false, Clock.systemUTC())) {
      HttpResponse<String> ingest = server.post("/events/app/x", "{}");

      assertThat(ingest.statusCode()).isEqualTo(503);
      assertThat(RunningServer.json(ingest).get("code").asText()).isEqualTo("unavailable");
      assertThat(ingest.headers().firstValue("Retry-After")).hasValue("30");

      HttpResponse<String> ready = server.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(RunningServer.json(ready).get("status").asText()).isEqualTo("not_ready");
      assertThat(RunningServer.json(ready).get("reason").asText()).isEqualTo("starting");
    }
  }

  @Test
  void failedDatabaseWriteAnswers503UnavailableWithoutDetailsOfTheFailure() {
    FaultyStore store = new FaultyStore();
    try (RunningServer server =
        RunningServer.start(new TestConfig().eventSource("app"), store, true, Clock.systemUTC())) {
      store.failAppends = true;

      HttpResponse<String> response = server.post("/events/app/x", "{}");

      assertThat(response.statusCode()).isEqualTo(503);
      JsonNode body = RunningServer.json(response);
      assertThat(body.get("code").asText()).isEqualTo("unavailable");
      assertThat(body.get("message").asText()).doesNotContain("disk I/O");
    }
  }

  @Test
  void repeatedDatabaseFailuresMakeTheServerUnreadyAndIngestRefusesBeforeTheStore() {
    FaultyStore store = new FaultyStore();
    try (RunningServer server =
        RunningServer.start(new TestConfig().eventSource("app"), store, true, Clock.systemUTC())) {
      store.failAppends = true;
      for (int i = 0; i < 3; i++) {
        server.post("/events/app/x", "{}");
      }

      HttpResponse<String> response = server.post("/events/app/x", "{}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(RunningServer.json(response).get("message").asText())
          .contains("database unhealthy");
      assertThat(server.get("/ready").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void theDatabaseMarkedUnhealthyRaisesADbUnhealthyAlert() {
    FaultyStore store = new FaultyStore();
    RecordingAlerts alerts = new RecordingAlerts();
    QHook engine =
        QHook.builder()
            .config(new TestConfig().eventSource("app").build())
            .store(store)
            .alertSink(alerts)
            .build();
    engine.start();
    try (RunningServer server = RunningServer.serve(engine, store, Clock.systemUTC())) {
      store.failAppends = true;
      server.post("/events/app/x", "{}");
      server.post("/events/app/x", "{}");
      assertThat(alerts.alerts()).noneMatch(a -> a.kind() == AlertKind.DB_UNHEALTHY);

      server.post("/events/app/x", "{}");

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> alerts.alerts().stream().anyMatch(a -> a.kind() == AlertKind.DB_UNHEALTHY));
      assertThat(alerts.alerts())
          .filteredOn(a -> a.kind() == AlertKind.DB_UNHEALTHY)
          .singleElement()
          .satisfies(a -> assertThat(a.fields()).containsOnlyKeys("error"));
    }
  }

  @Test
  void unexpectedExceptionIs500InternalWithoutAStackTrace() {
    FaultyStore store = new FaultyStore();
    try (RunningServer server =
        RunningServer.start(new TestConfig(), store, true, Clock.systemUTC())) {
      store.breakEventListing = true;

      HttpResponse<String> response = server.get("/api/events");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("internal");
      assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("at ");
    }
  }

  @Test
  void shuttingDownTurnsReadinessOffBeforeTheListenerStops() {
    try (RunningServer server = RunningServer.start(new TestConfig().eventSource("app"))) {
      assertThat(server.get("/ready").statusCode()).isEqualTo(200);

      server.server.beginShutdown();

      HttpResponse<String> ready = server.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(RunningServer.json(ready).get("reason").asText()).isEqualTo("shutting down");
      assertThat(server.post("/events/app/x", "{}").statusCode()).isEqualTo(503);
    }
  }
}
