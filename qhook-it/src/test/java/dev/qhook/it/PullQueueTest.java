package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.qhook.Alert;
import dev.qhook.DeadMessage;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.NackResult;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.QueueStats;
import dev.qhook.UnknownQueueException;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Page;
import dev.qhook.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull queues through the engine's API on a real SQLite file (docs/reference/http-api.md, "Pull
 * queues"): routing at ingest, receive, ack, nack, extend, lease expiry, ordering keys, dead
 * letters with their alerts and metrics, and the management operations. Time moves by a manual
 * clock, and the lease-expiry sweep runs on it: a lease lapses before the move past it returns.
 */
class PullQueueTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String CONFIG =
      """
      sources:
        app: { type: event }
      queues:
        orders:
          source: app
          events: [order.*]
          filter: "$.total > 10"
          idempotency_key: $.id
          ordering_key: $.customer
          visibility_timeout: 5s
          max_attempts: 2
          retry: { backoff: fixed, interval: 60s, jitter: false }
        audit:
          source: app
          max_attempts: 1
      """;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private QHook qhook;

  private void start(String yaml) {
    qhook =
        QHook.builder()
            .config(QHookConfig.fromYaml(yaml))
            .store(JdbcStore.sqlite(dir.resolve("qhook.db"), 2, clock))
            .clock(clock)
            .meterRegistry(registry)
            .alertSink(alerts::add)
            .build();
    qhook.start();
  }

  @AfterEach
  void stop() {
    if (qhook != null) {
      qhook.close();
    }
  }

  private IngestResult send(String type, String json) {
    return qhook.ingest(IngestRequest.of("app", type, json));
  }

  private static List<String> ids(List<QueueMessage> messages) {
    return messages.stream().map(QueueMessage::id).toList();
  }

  private double counter(String name, String queue) {
    var counter = registry.find(name).tag("queue", queue).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void anEventBecomesAMessageOfEveryQueueItMatchesWithTheQueuesFilterAndKeys() {
    start(CONFIG);
    send("order.created", "{\"id\":\"a\",\"total\":5,\"customer\":\"c1\"}");
    IngestResult stored = send("order.created", "{\"id\":\"b\",\"total\":50,\"customer\":\"c1\"}");
    IngestResult again = send("order.created", "{\"id\":\"b\",\"total\":50,\"customer\":\"c1\"}");
    send("user.created", "{\"id\":\"c\",\"total\":50}");

    assertThat(stored.jobsCreated()).as("orders and audit").isEqualTo(2);
    assertThat(again.duplicate()).as("the queue's idempotency key").isTrue();
    assertThat(qhook.queueStats().get("orders").depth()).isEqualTo(1);
    assertThat(qhook.queueStats().get("audit").depth()).isEqualTo(3);

    List<QueueMessage> got = qhook.queue("orders").receive(10, Duration.ZERO);

    assertThat(got)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.eventId()).isEqualTo(stored.eventId());
              assertThat(m.eventType()).isEqualTo("order.created");
              assertThat(new String(m.payload(), StandardCharsets.UTF_8)).contains("\"b\"");
              assertThat(m.contentType()).isEqualTo("application/json");
              assertThat(m.attempt()).isZero();
              assertThat(m.createdAt()).isEqualTo(T0);
              assertThat(m.leaseExpiresAt()).isEqualTo(T0.plusSeconds(5));
            });
    assertThat(counter("qhook.queue.messages.delivered", "orders")).isEqualTo(1);
  }

  @Test
  void ackCompletesInFlightMessagesAndIgnoresOtherIds() {
    start(CONFIG);
    send("a", "{}");
    send("b", "{}");
    QueueClient audit = qhook.queue("audit");
    List<QueueMessage> got = audit.receive(10, Duration.ZERO);
    assertThat(got).hasSize(2);
    assertThat(got.get(0).createdAt()).isBeforeOrEqualTo(got.get(1).createdAt());

    assertThat(audit.ack(List.of(got.get(0).id(), "01UNKNOWN", got.get(0).id()))).isEqualTo(1);
    assertThat(qhook.queue("orders").ack(List.of(got.get(1).id()))).as("another queue").isZero();

    QueueStats stats = audit.stats();
    assertThat(stats.inFlight()).isEqualTo(1);
    assertThat(audit.completedCount()).isEqualTo(1);
    assertThat(counter("qhook.queue.messages.acked", "audit")).isEqualTo(1);
  }

  @Test
  void nackMakesAMessageVisibleAfterItsDelayOrTheRetryBlocksAndDeadAtMaxAttempts() {
    start(CONFIG);
    send("order.created", "{\"id\":\"x\",\"total\":20}");
    QueueClient orders = qhook.queue("orders");
    String id = orders.receive(1, Duration.ZERO).get(0).id();

    assertThat(orders.nack(List.of(id, "01UNKNOWN"), null)).isEqualTo(new NackResult(1, 0));
    assertThat(orders.stats().delayed()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(orders.receive(1, Duration.ZERO)).as("the retry block: fixed 60 s").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<QueueMessage> second = orders.receive(1, Duration.ZERO);
    assertThat(second).extracting(QueueMessage::attempt).containsExactly(1);

    assertThat(orders.nack(List.of(id), Duration.ZERO)).isEqualTo(new NackResult(0, 1));

    assertThat(orders.stats().dead()).isEqualTo(1);
    assertThat(counter("qhook.queue.messages.nacked", "orders")).isEqualTo(2);
    assertThat(registry.find("qhook.dlq").tag("handler", "queue/orders").counter().count())
        .isEqualTo(1);
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DLQ);
              assertThat(a.fields()).containsEntry("handler", "queue/orders");
              assertThat(a.fields()).containsEntry("job_id", id);
            });
  }

  @Test
  void aNackWithAnExplicitDelayHoldsTheMessageThatLong() {
    start(CONFIG);
    send("a", "{}");
    QueueClient audit = qhook.queue("audit");
    String id = audit.receive(1, Duration.ZERO).get(0).id();
    // audit allows one delivery: a nack goes dead; orders allows two
    assertThat(audit.nack(List.of(id), Duration.ofSeconds(10))).isEqualTo(new NackResult(0, 1));

    send("order.created", "{\"id\":\"y\",\"total\":20}");
    QueueClient orders = qhook.queue("orders");
    String order = orders.receive(1, Duration.ZERO).get(0).id();
    orders.nack(List.of(order), Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(9));
    assertThat(orders.receive(1, Duration.ZERO)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ids(orders.receive(1, Duration.ZERO))).containsExactly(order);
  }

  @Test
  void aLapsedLeaseCountsAsADeliveryAndAtMaxAttemptsSendsTheMessageDead() {
    start(CONFIG);
    send("order.created", "{\"id\":\"z\",\"total\":20}");
    QueueClient orders = qhook.queue("orders");
    String id = orders.receive(1, Duration.ZERO).get(0).id();

    clock.advance(Duration.ofSeconds(6));
    assertThat(orders.stats().depth()).isEqualTo(1);
    assertThat(orders.ack(List.of(id))).as("the lease ended").isZero();
    assertThat(orders.receive(1, Duration.ZERO))
        .extracting(QueueMessage::attempt)
        .containsExactly(1);

    clock.advance(Duration.ofSeconds(6));
    assertThat(orders.stats().dead()).isEqualTo(1);
    assertThat(counter("qhook.queue.messages.expired", "orders")).isEqualTo(2);
    assertThat(alerts).extracting(a -> a.fields().get("handler")).containsExactly("queue/orders");
    Page<DeadMessage> dead = orders.deadLetters(null, 10);
    assertThat(dead.items())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo(id);
              assertThat(d.eventType()).isEqualTo("order.created");
              assertThat(d.attempt()).isEqualTo(2);
              assertThat(d.lastError()).isEqualTo("lease expired on the final delivery");
            });
  }

  @Test
  void extendKeepsALeaseAliveAsAHeartbeat() {
    start(CONFIG);
    send("order.created", "{\"id\":\"h\",\"total\":20}");
    QueueClient orders = qhook.queue("orders");
    String id = orders.receive(1, Duration.ZERO).get(0).id();

    assertThat(orders.extend(List.of(id, "01UNKNOWN"), Duration.ofMinutes(1))).isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));

    assertThat(orders.stats().inFlight()).isEqualTo(1);
    assertThat(orders.ack(List.of(id))).isEqualTo(1);
  }

  @Test
  void anOrderingKeyHasOneMessageInFlightAndTheNextFollowsTheAck() {
    start(CONFIG);
    send("order.created", "{\"id\":\"1\",\"total\":20,\"customer\":\"c1\"}");
    send("order.created", "{\"id\":\"2\",\"total\":20,\"customer\":\"c1\"}");
    send("order.created", "{\"id\":\"3\",\"total\":20,\"customer\":\"c2\"}");
    QueueClient orders = qhook.queue("orders");

    List<QueueMessage> first = orders.receive(10, Duration.ZERO);
    assertThat(first).hasSize(2);
    assertThat(orders.receive(10, Duration.ZERO)).isEmpty();
    orders.ack(ids(first));

    assertThat(orders.receive(10, Duration.ZERO))
        .singleElement()
        .satisfies(
            m -> assertThat(new String(m.payload(), StandardCharsets.UTF_8)).contains("\"2\""));
  }

  @Test
  void aWaitingReceiveAnswersWhenAnEventIsIngested() {
    start(CONFIG);
    var waiting = qhook.queue("audit").receiveAsync(5, Duration.ofSeconds(30));
    assertThat(waiting).isNotDone();

    IngestResult stored = send("a", "{}");

    await().atMost(BOUND).until(waiting::isDone);
    assertThat(waiting.join()).extracting(QueueMessage::eventId).containsExactly(stored.eventId());
  }

  @Test
  void deadMessagesAreRedrivenWithTheirDeliveryCountResetDeletedOrDrained() {
    start(CONFIG);
    QueueClient audit = qhook.queue("audit");
    for (int i = 0; i < 3; i++) {
      send("a", "{}");
    }
    List<String> all = ids(audit.receive(10, Duration.ZERO));
    audit.nack(all, Duration.ZERO);
    assertThat(audit.stats().dead()).isEqualTo(3);
    assertThat(audit.deadLetters(null, 2).hasMore()).isTrue();

    assertThat(audit.redrive(List.of(all.get(0)))).isEqualTo(1);
    assertThat(audit.peek(10)).extracting(QueueMessage::id).containsExactly(all.get(0));
    assertThat(audit.receive(10, Duration.ZERO))
        .extracting(QueueMessage::attempt)
        .containsExactly(0);
    assertThat(audit.redriveAll()).isEqualTo(2);
    assertThat(audit.stats().depth()).isEqualTo(2);
    audit.nack(ids(audit.receive(10, Duration.ZERO)), Duration.ZERO);

    assertThat(audit.deleteDead()).isEqualTo(2);
    send("a", "{}");
    assertThat(audit.drain()).as("the leased one and the new one").isEqualTo(2);
    assertThat(audit.stats()).isEqualTo(new QueueStats("audit", 0, 0, 0, 0, null));
  }

  @Test
  void theOldestMessageAgeCountsOnlyVisibleMessages() {
    start(CONFIG);
    send("a", "{}");
    clock.advance(Duration.ofSeconds(10));
    send("b", "{}");
    qhook.queue("audit").receive(1, Duration.ZERO); // the older one is leased
    clock.advance(Duration.ofSeconds(5));

    assertThat(qhook.queue("audit").stats().oldestVisibleAge(clock.now()))
        .contains(Duration.ofSeconds(5));
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(
                        registry
                            .find("qhook.queue.oldest.message.age")
                            .tag("queue", "audit")
                            .gauge()
                            .value())
                    .isEqualTo(5.0));
    assertThat(
            registry.find("qhook.queue.messages.in.flight").tag("queue", "audit").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.find("qhook.queue.messages.depth").tag("queue", "audit").gauge().value())
        .isEqualTo(1.0);
  }

  @Test
  void messagesPastTheEventTtlGoDeadInsteadOfBeingDelivered() {
    start(CONFIG + "delivery: { event_ttl: 1m }\n");
    send("a", "{}");
    clock.advance(Duration.ofMinutes(2));

    assertThat(qhook.queue("audit").receive(1, Duration.ZERO)).isEmpty();
    assertThat(qhook.queue("audit").deadLetters(null, 10).items())
        .singleElement()
        .satisfies(d -> assertThat(d.lastError()).isEqualTo("event TTL expired"));
  }

  @Test
  void anUnknownQueueIsItsOwnException() {
    start(CONFIG);
    assertThatThrownBy(() -> qhook.queue("nope"))
        .isInstanceOf(UnknownQueueException.class)
        .hasMessage("unknown queue 'nope'");
  }
}
