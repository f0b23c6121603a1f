package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.QHook;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 7: a flood of {@code /health} costs at most one database probe per second. */
class HealthFloodTest {
  private static final int CALLS = 40;

  @Test
  void healthFloodMakesOneProbePerSecondAndTheAnswerRefreshesAfterIt(@TempDir Path dir) {
    HandClock clock = new HandClock();
    CountingStore store = new CountingStore(JdbcStore.sqlite(dir.resolve("qhook.db")));
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      receiver.respondWith(500);
      QHook engine =
          QHook.builder()
              .config(
                  new TestConfig()
                      .eventSource("app")
                      .handler("h", "app", receiver.url("/h"), TestConfig.attempts(1))
                      .build())
              .store(store)
              .clock(clock)
              .meterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .build();
      engine.start();
      try (RunningServer client = RunningServer.serve(engine, store, clock)) {
        store.pings.set(0);
        store.statusCounts.set(0);

        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          flood.add(client.getLater("/health"));
        }
        for (CompletableFuture<HttpResponse<String>> call : flood) {
          HttpResponse<String> response = call.join();
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(RunningServer.json(response).get("dead_jobs").asLong()).isZero();
        }
        assertThat(store.pings).hasValue(1);
        assertThat(store.statusCounts).hasValue(1);

        // A job goes dead within the window: the cached answer does not show it yet.
        client.post("/events/app/x", "{}");
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    engine.admin().jobs(JobQuery.all()).items().stream()
                        .anyMatch(j -> j.status() == JobStatus.DEAD));
        assertThat(RunningServer.json(client.get("/health")).get("dead_jobs").asLong()).isZero();
        assertThat(store.pings).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> refreshed = client.get("/health");
        assertThat(RunningServer.json(refreshed).get("dead_jobs").asLong()).isEqualTo(1);
        assertThat(RunningServer.json(refreshed).get("status").asText()).isEqualTo("degraded");
        assertThat(store.pings).hasValue(2);
        assertThat(store.statusCounts).hasValue(2);
      }
    }
  }
}
