package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown ({@code worker.drain_timeout_secs}, docs/reference/configuration.md, "worker"):
 * in-flight deliveries finish or return without using an attempt.
 */
class ShutdownTest {
  @TempDir Path dir;

  private static String yaml(int drainSecs) {
    return """
        server: { allow_private_urls: true }
        worker: { drain_timeout_secs: %d }
        sources:
          app: { type: event }
        handlers:
          h: { source: app, url: RECEIVER/h }
        """
        .formatted(drainSecs);
  }

  @Test
  void closeWaitsForDeliveriesInFlight() {
    EngineFixture f = EngineFixture.start(dir, yaml(10));
    f.receiver.respondWith(new Response(200, Map.of(), "", Duration.ofMillis(800)));
    IngestResult result = f.send("app", "x", "{}");
    f.receiver.awaitRequests(1, EngineFixture.WAIT);
    f.qhook.close();
    // The engine does not close a store it was given, so the job can still be read.
    Job job = f.onlyJobOf(result.eventId());
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    f.close();
  }

  @Test
  void deliveriesStillRunningAtTheDeadlineAreReturnedWithoutUsingTheAttempt() {
    EngineFixture f = EngineFixture.start(dir, yaml(1));
    f.receiver.respondWith(new Response(200, Map.of(), "", Duration.ofSeconds(5)));
    IngestResult result = f.send("app", "x", "{}");
    f.receiver.awaitRequests(1, EngineFixture.WAIT);
    f.qhook.close();
    Job job = f.onlyJobOf(result.eventId());
    assertThat(job.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(job.attempt()).isZero();
    assertThat(job.lastError()).isEqualTo("delivery abandoned at shutdown");
    f.close();
  }
}
