package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Job;
import dev.qhook.testkit.QHookTest;
import dev.qhook.testkit.QHookTest.StoreKind;
import dev.qhook.testkit.QHookTester;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code delivery.event_ttl} (docs/reference/configuration.md, "delivery"): a job is never
 * delivered late. Time moves by the test's clock: an hour's TTL costs no wall time.
 */
@QHookTest(
    store = StoreKind.SQLITE,
    yaml =
        """
        delivery: { event_ttl: 1h }
        sources:
          app: { type: event }
        handlers:
          h: { source: app, url: RECEIVER_URL/h }
        """)
class EventTtlTest {

  @Test
  void aRetryDueAfterTheTtlIsNotSentAndTheJobGoesDead(
      QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondWith(new Response(503, Map.of("Retry-After", "7200"), "", Duration.ZERO));
    String eventId = qhook.send("app", "x", "{}").eventId();

    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofHours(2));
    Job job = qhook.awaitDead(eventId).get(0);

    assertThat(job.lastError()).isEqualTo("event TTL expired");
    assertThat(receiver.requests()).as("only the first, timely attempt").hasSize(1);
  }
}
