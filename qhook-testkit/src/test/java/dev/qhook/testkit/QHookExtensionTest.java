package dev.qhook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Admin;
import dev.qhook.QHook;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension on the in-memory store: retries come by moving the clock, never by sleeping. */
@QHookTest(
    yaml =
        """
        sources:
          app: { type: event }
        handlers:
          orders:
            source: app
            url: RECEIVER_URL/orders
            retry: { max: 3, backoff: fixed, interval: 30s, jitter: false }
        """)
class QHookExtensionTest {

  @Test
  void aRetryAfterA30SecondBackoffIsDeliveredByMovingTheClock(
      QHookTester qhook, RecordingReceiver receiver, ManualClock clock) {
    receiver.respondWith(503);
    Instant start = clock.instant();
    String eventId = qhook.send("app", "order.created", "{\"id\":1}").eventId();

    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofSeconds(30));
    Job job = qhook.awaitDelivered(eventId).get(0);

    assertThat(clock.instant()).isEqualTo(start.plusSeconds(30));
    assertThat(job.attempt()).isEqualTo(2);
    assertThat(qhook.admin().attempts(job.id()))
        .extracting(AttemptRecord::statusCode)
        .containsExactly(503, 200);
    assertThat(receiver.requestsTo("/orders")).hasSize(2);
  }

  @Test
  void retriesThenDeadThenRetriedByTheAdminApi(QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondWith(500).respondWith(500).respondWith(500);
    String eventId = qhook.send("app", "order.created", "{}").eventId();
    qhook.advanceToNextRetry(eventId);
    qhook.advanceToNextRetry(eventId);
    Job dead = qhook.awaitDead(eventId).get(0);
    assertThat(dead.attempt()).isEqualTo(3);

    assertThat(qhook.admin().retryJob(dead.id())).isTrue();

    assertThat(qhook.awaitDelivered(eventId).get(0).attempt()).isEqualTo(1);
    assertThat(receiver.requests()).hasSize(4);
  }

  /**
   * An hour passing under a running delivery would make the lost-job recovery take it back: {@code
   * advance} waits for the delivery to finish first, so the job is delivered once.
   */
  @Test
  void advanceWaitsForARunningDeliveryBeforeMovingTheClock(
      QHookTester qhook, RecordingReceiver receiver) {
    receiver.respondWith(new RecordingReceiver.Response(200, Map.of(), "", Duration.ofMillis(300)));
    String eventId = qhook.send("app", "order.created", "{}").eventId();
    receiver.awaitRequests(1, QHookTester.DEFAULT_WAIT);

    qhook.advance(Duration.ofHours(1));

    assertThat(qhook.awaitDelivered(eventId))
        .singleElement()
        .satisfies(j -> assertThat(j.attempt()).isEqualTo(1));
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void aListenerOfTheClockRunsOnEachMoveUntilCancelled(ManualClock clock) {
    List<Instant> seen = new ArrayList<>();
    var registration = clock.onChange(() -> seen.add(clock.instant()));

    clock.advance(Duration.ofSeconds(1));
    registration.cancel();
    clock.advance(Duration.ofSeconds(1));

    assertThat(seen).containsExactly(Instant.parse(QHookTester.DEFAULT_START).plusSeconds(1));
  }

  @Test
  void injectsTheEngineItsAdminAndTheClockItUses(QHook engine, Admin admin, ManualClock clock) {
    assertThat(engine.isReady()).isTrue();
    assertThat(admin).isSameAs(engine.admin());
    assertThat(clock.instant()).isEqualTo(Instant.parse(QHookTester.DEFAULT_START));
  }

  @Test
  @QHookTest(yaml = "sources: { app: { type: event } }", start = "2030-05-01T12:00:00Z")
  void anAnnotationOnTheMethodReplacesTheClasssOne(QHook engine, ManualClock clock) {
    assertThat(engine.config().handlers()).isEmpty();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-01T12:00:00Z"));
  }

  @Test
  void aConfigBuiltInCodeRunsWithoutTheAnnotation() {
    try (QHookTester tester =
        QHookTester.start(
            "sources: { app: { type: event } }\n"
                + "handlers: { h: { source: app, url: RECEIVER_URL/h } }\n",
            QHookTest.StoreKind.MEMORY,
            Instant.parse(QHookTester.DEFAULT_START))) {
      String id = tester.send("app", "x", "{}").eventId();
      assertThat(tester.awaitDelivered(id))
          .extracting(Job::status)
          .containsOnly(JobStatus.COMPLETED);
    }
  }
}
