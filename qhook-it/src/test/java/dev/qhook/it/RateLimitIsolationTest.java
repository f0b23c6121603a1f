package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 8: a job waiting for its handler's {@code rate_limit} holds no worker, so other
 * handlers' jobs keep flowing, and the limit still holds. The engine's clock is moved by hand: with
 * it standing still, the limited handler gets its burst of one and nothing more.
 */
class RateLimitIsolationTest {
  private static final int EVENTS = 10;

  @TempDir Path dir;

  @Test
  void aRateLimitedBacklogHoldsNoWorkerAndTheLimitStillHolds() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    try (RecordingReceiver receiver = RecordingReceiver.start();
        JdbcStore store = JdbcStore.sqlite(dir.resolve("qhook.db"))) {
      String yaml =
          """
          server: { allow_private_urls: true }
          worker: { max_concurrency: 2, drain_timeout_secs: 1 }
          sources:
            app: { type: event }
          handlers:
            limited: { source: app, url: RECEIVER/limited, rate_limit: 1 }
            free: { source: app, url: RECEIVER/free }
          """
              .replace("RECEIVER", receiver.url(""));
      QHook engine =
          QHook.builder()
              .config(QHookConfig.fromYaml(yaml))
              .store(store)
              .clock(clock)
              .meterRegistry(new SimpleMeterRegistry())
              .build();
      engine.start();
      try (engine) {
        for (int i = 0; i < EVENTS; i++) {
          engine.ingest(IngestRequest.of("app", "x", "{\"n\":" + i + "}"));
        }

        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> receiver.requestsTo("/free").size() == EVENTS);
        // The clock stands still: the limited handler has had its burst of one, no more.
        assertThat(receiver.requestsTo("/limited")).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> receiver.requestsTo("/limited").size() == 2);
        clock.advance(Duration.ofSeconds(1));
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> receiver.requestsTo("/limited").size() == 3);
        assertThat(receiver.requestsTo("/free")).hasSize(EVENTS);

        // Waiting for the limit used no attempt.
        for (RecordedRequest request : receiver.requestsTo("/limited")) {
          assertThat(request.header("X-Qhook-Attempt")).isEqualTo("1");
        }
      }
    }
  }
}
