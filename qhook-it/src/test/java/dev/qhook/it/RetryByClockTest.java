package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AttemptRecord;
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
 * Retries, dead jobs and Retry-After through the whole engine on an SQLite file, written only
 * against the testkit's public API: time moves by the test's clock, so a 30 s backoff or an hour's
 * interval costs no wall time.
 */
@QHookTest(
    store = StoreKind.SQLITE,
    yaml =
        """
        delivery:
          default_retry: { max: 3, backoff: fixed, interval: 30s, jitter: false }
        sources:
          app: { type: event }
        handlers:
          h: { source: app, events: [x], url: RECEIVER_URL/h }
          slow: { source: app, events: [slow.*], url: RECEIVER_URL/slow, retry: { interval: 1h } }
        """)
class RetryByClockTest {

  @Test
  void retriesFailuresThenSucceeds(QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondWith(500).respondWith(502);
    String eventId = qhook.send("app", "x", "{}").eventId();

    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofSeconds(30));
    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofSeconds(30));
    Job job = qhook.awaitDelivered(eventId).get(0);

    assertThat(receiver.requests())
        .extracting(r -> r.header("x-qhook-attempt"))
        .containsExactly("1", "2", "3");
    assertThat(qhook.admin().attempts(job.id()))
        .extracting(AttemptRecord::statusCode)
        .containsExactly(500, 502, 200);
    assertThat(receiver.requests())
        .extracting(r -> r.header("x-qhook-delivery-id"))
        .as("stable across retries")
        .containsOnly(receiver.requests().get(0).header("x-qhook-delivery-id"));
  }

  @Test
  void goesDeadAfterMaxAttemptsThenARetryByTheAdminApiDelivers(
      QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondByDefault(new Response(500, Map.of(), "boom", Duration.ZERO));
    String eventId = qhook.send("app", "x", "{}").eventId();
    qhook.advanceToNextRetry(eventId);
    qhook.advanceToNextRetry(eventId);

    Job job = qhook.awaitDead(eventId).get(0);
    assertThat(job.attempt()).isEqualTo(3);
    assertThat(job.lastError()).isEqualTo("HTTP 500");
    assertThat(job.completedAt()).isNotNull();
    assertThat(receiver.requests()).hasSize(3);
    assertThat(qhook.admin().attempts(job.id()))
        .last()
        .satisfies(a -> assertThat(a.responseBody()).isEqualTo("boom"));
    assertThat(qhook.qhook().meterRegistry().counter("qhook.dlq", "handler", "h").count())
        .isEqualTo(1.0);

    receiver.respondByDefault(Response.status(200));
    assertThat(qhook.admin().retryJob(job.id())).isTrue();
    Job retried = qhook.awaitDelivered(eventId).get(0);
    assertThat(retried.attempt()).as("the counter was reset").isEqualTo(1);
  }

  @Test
  void retryAfterReplacesTheComputedDelay(QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondWith(new Response(503, Map.of("Retry-After", "7"), "", Duration.ZERO));
    String eventId = qhook.send("app", "slow.x", "{}").eventId();

    assertThat(qhook.advanceToNextRetry(eventId))
        .as("Retry-After, not the handler's hour")
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(qhook.awaitDelivered(eventId))
        .singleElement()
        .satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
  }
}
