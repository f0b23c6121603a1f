package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.QHookTest;
import dev.qhook.testkit.QHookTest.StoreKind;
import dev.qhook.testkit.QHookTester;
import dev.qhook.testkit.RecordingReceiver;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker (docs/reference/configuration.md, "circuit_breaker") on the test's clock:
 * five failed attempts ten seconds apart open it for 60 s, and the attempt due ten seconds later is
 * held back until the breaker admits one, without using an attempt.
 */
@QHookTest(
    store = StoreKind.SQLITE,
    yaml =
        """
        sources:
          app: { type: event }
        handlers:
          h:
            source: app
            url: RECEIVER_URL/h
            retry: { max: 10, backoff: fixed, interval: 10s, jitter: false }
        """)
class CircuitBreakerClockTest {

  @Test
  void anOpenBreakerHoldsJobsBackWithoutUsingAttempts(
      QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondByDefault(RecordingReceiver.Response.status(500));
    String eventId = qhook.send("app", "x", "{}").eventId();
    for (int failed = 1; failed < 5; failed++) {
      qhook.advanceToNextRetry(eventId);
    }
    Awaitility.await()
        .atMost(QHookTester.DEFAULT_WAIT)
        .until(() -> qhook.jobsOf(eventId).get(0).attempt() == 5 && isRetryable(qhook, eventId));
    qhook.advanceToNextRetry(eventId); // the sixth attempt meets the open breaker

    Awaitility.await()
        .atMost(QHookTester.DEFAULT_WAIT)
        .until(() -> "circuit breaker open".equals(qhook.jobsOf(eventId).get(0).lastError()));
    Job held = qhook.jobsOf(eventId).get(0);
    assertThat(held.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(held.attempt()).as("five real attempts, none for the refusal").isEqualTo(5);
    assertThat(receiver.requests()).hasSize(5);
    assertThat(Duration.between(qhook.clock().instant(), held.scheduledAt()))
        .as("opened 10 s ago for 60 s")
        .isEqualTo(Duration.ofSeconds(50));
    assertThat(
            qhook
                .qhook()
                .meterRegistry()
                .counter("qhook.circuit.breaker.opened", "handler", "h")
                .count())
        .isEqualTo(1.0);
  }

  private static boolean isRetryable(QHookTester qhook, String eventId) {
    return qhook.jobsOf(eventId).get(0).status() == JobStatus.RETRYABLE;
  }
}
