package dev.qhook.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.QHookTest;
import dev.qhook.testkit.QHookTester;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's "done when": an application's test, written only against the testkit's public API,
 * sees hours of the engine's waiting pass as fast as it moves the clock: retries an hour apart, a
 * dead job retried through the admin API, a cron tick, a lapsed queue lease and the event TTL
 * sweep. Nothing here waits on the wall clock but for the engine's own work (a delivery, a commit).
 */
@QHookTest(
    yaml =
        """
        sources:
          shop: { type: event }
        handlers:
          billing:
            source: shop
            url: RECEIVER_URL/billing
            retry: { max: 3, backoff: fixed, interval: 1h, jitter: false }
        """)
class ClockDrivenEngineTest {
  private static final Instant START = Instant.parse(QHookTester.DEFAULT_START);

  @Test
  void aFailingDeliveryRetriesGoesDeadAndARetryByTheAdminApiDeliversIt(
      QHookTester qhook, RecordingReceiver billing, ManualClock clock) {
    billing.respondByDefault(Response.status(503));
    String eventId = qhook.send("shop", "order.created", "{\"id\":42}").eventId();

    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofHours(1));
    assertThat(qhook.advanceToNextRetry(eventId)).isEqualTo(Duration.ofHours(1));
    Job dead = qhook.awaitDead(eventId).get(0);
    assertThat(dead.attempt()).isEqualTo(3);
    assertThat(dead.lastError()).isEqualTo("HTTP 503");
    assertThat(billing.requestsTo("/billing")).hasSize(3);

    billing.respondByDefault(Response.status(200));
    assertThat(qhook.admin().retryJob(dead.id())).isTrue();
    Job delivered = qhook.awaitDelivered(eventId).get(0);

    assertThat(delivered.id()).isEqualTo(dead.id());
    assertThat(delivered.attempt()).as("the retry starts the attempts afresh").isEqualTo(1);
    assertThat(billing.requestsTo("/billing")).hasSize(4);
    assertThat(clock.instant())
        .as("two hours of backoff")
        .isEqualTo(START.plus(Duration.ofHours(2)));
  }

  @Test
  @QHookTest(
      yaml =
          """
          sources:
            nightly: { type: cron, schedule: '0 3 * * *' }
          handlers:
            report: { source: nightly, url: RECEIVER_URL/report }
          """)
  void aCronTickFiresWhenTheClockReachesIt(QHookTester qhook, RecordingReceiver receiver) {
    qhook.advance(Duration.ofHours(2).plusMinutes(59));
    assertThat(qhook.qhook().admin().events(EventQuery.all()).items()).isEmpty();

    qhook.advance(Duration.ofMinutes(1)); // the tick is stored before this returns

    assertThat(qhook.qhook().admin().events(EventQuery.all()).items())
        .singleElement()
        .satisfies(e -> assertThat(e.uniqueKey()).isEqualTo("2026-01-01T03:00:00Z"));
    assertThat(receiver.awaitRequests(1, QHookTester.DEFAULT_WAIT).get(0).bodyText())
        .contains("\"fired_at\":\"2026-01-01T03:00:00Z\"");
  }

  @Test
  @QHookTest(
      yaml =
          """
          sources:
            shop: { type: event }
          queues:
            picking: { source: shop, visibility_timeout: 5m }
          """)
  void aQueueLeaseThatLapsesMakesTheMessageVisibleAgainAtOnce(QHook qhook, ManualClock clock) {
    qhook.ingest(IngestRequest.of("shop", "order.created", "{}"));
    QueueClient picking = qhook.queue("picking");
    QueueMessage first = picking.receive(1, Duration.ZERO).get(0);
    assertThat(picking.receive(1, Duration.ZERO)).as("leased").isEmpty();

    clock.advance(Duration.ofMinutes(5).plusSeconds(1)); // the lease-expiry sweep runs on it

    List<QueueMessage> again = picking.receive(1, Duration.ZERO);
    assertThat(again).extracting(QueueMessage::id).containsExactly(first.id());
    assertThat(again.get(0).attempt()).isEqualTo(1);
  }

  @Test
  @QHookTest(
      yaml =
          """
          delivery: { event_ttl: 1h }
          sources:
            shop: { type: event }
          handlers:
            billing: { source: shop, url: RECEIVER_URL/billing }
          """)
  void aJobStillWaitingAtTheEventTtlIsDeadWhenTheClockPassesIt(
      QHookTester qhook, RecordingReceiver billing) {
    billing.respondWith(new Response(503, Map.of("Retry-After", "86400"), "", Duration.ZERO));
    String eventId = qhook.send("shop", "order.created", "{}").eventId();
    billing.awaitRequests(1, QHookTester.DEFAULT_WAIT);
    qhook.awaitNoDeliveryRunning();

    qhook.advance(Duration.ofMinutes(61)); // the TTL sweep runs; the retry was due in a day

    assertThat(qhook.jobsOf(eventId))
        .singleElement()
        .satisfies(j -> assertThat(j.lastError()).isEqualTo("event TTL expired"));
    assertThat(billing.requests()).hasSize(1);
    assertThat(qhook.qhook().meterRegistry().counter("qhook.dlq", "handler", "billing").count())
        .isEqualTo(1.0);
  }
}
