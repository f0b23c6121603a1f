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
 * {@code delivery.event_ttl} (docs/reference/configuration.md, "delivery"): a job is never
 * delivered late.
 */
class EventTtlTest {
  @TempDir Path dir;

  @Test
  void aRetryDueAfterTheTtlIsNotSentAndTheJobGoesDead() {
    String yaml =
        """
        server: { allow_private_urls: true }
        delivery: { event_ttl: 1s }
        sources:
          app: { type: event }
        handlers:
          h: { source: app, url: RECEIVER/h }
        """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondWith(new Response(503, Map.of("Retry-After", "2"), "", Duration.ZERO));
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.lastError()).isEqualTo("event TTL expired");
      assertThat(f.receiver.requests()).as("only the first, timely attempt").hasSize(1);
    }
  }
}
