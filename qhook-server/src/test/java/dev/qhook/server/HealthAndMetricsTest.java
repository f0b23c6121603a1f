package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class HealthAndMetricsTest {

  @Test
  void healthReportsQueueDepthAndDeadJobsAndReadyIsReady() {
    try (RunningServer server = RunningServer.start(new TestConfig())) {
      HttpResponse<String> health = server.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode body = RunningServer.json(health);
      assertThat(body.get("status").asText()).isEqualTo("ok");
      assertThat(body.get("db_healthy").asBoolean()).isTrue();
      assertThat(body.get("queue_depth").asLong()).isZero();
      assertThat(body.get("dead_jobs").asLong()).isZero();

      HttpResponse<String> ready = server.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    }
  }

  @Test
  void healthIsDegradedWhileADeadJobExists() {
    try (RecordingReceiver receiver = RecordingReceiver.start();
        RunningServer server =
            RunningServer.start(
                new TestConfig()
                    .eventSource("app")
                    .handler("h", "app", receiver.url("/h"), TestConfig.attempts(1)))) {
      receiver.respondWith(500);
      server.post("/events/app/x", "{}");

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> RunningServer.json(server.get("/health")).get("dead_jobs").asLong() == 1);
      assertThat(RunningServer.json(server.get("/health")).get("status").asText())
          .isEqualTo("degraded");
    }
  }

  @Test
  void metricsRenderTheSpecNamesInPrometheusTextFormat() {
    try (RunningServer server = RunningServer.start(new TestConfig().eventSource("app"))) {
      server.post("/events/app/x", "{}");

      HttpResponse<String> metrics = server.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertThat(metrics.body())
          .contains("qhook_events_received_total 1.0")
          .contains("qhook_events_by_source_total{source=\"app\"} 1.0")
          .contains("qhook_queue_depth");
    }
  }

  @Test
  void metricsTokenGuardsMetricsOnly() {
    TestConfig config = new TestConfig();
    config.metricsToken = "m";
    try (RunningServer server = RunningServer.start(config)) {
      HttpResponse<String> open = server.get("/metrics");
      assertThat(open.statusCode()).isEqualTo(401);
      assertThat(RunningServer.json(open).get("code").asText()).isEqualTo("unauthorized");
      assertThat(server.get("/metrics", "Authorization", "Bearer m").statusCode()).isEqualTo(200);
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
    }
  }
}
