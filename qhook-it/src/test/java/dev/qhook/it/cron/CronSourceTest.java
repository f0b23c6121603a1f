package dev.qhook.it.cron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.QHook;
import dev.qhook.QueueMessage;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Store;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cron sources fire by the engine's clock: real engines, a real SQLite file and a loopback
 * receiver, on a {@link ManualClock}: a tick fires before the move of the clock that reaches it
 * returns.
 */
class CronSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-12-07T10:00:00.250Z");

  private final ManualClock clock = new ManualClock(START);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private QHook start(String yaml, Store store, SimpleMeterRegistry registry) {
    QHook qhook =
        QHook.builder()
            .config(QHookConfig.fromYaml(yaml))
            .store(store)
            .clock(clock)
            .meterRegistry(registry)
            .build();
    open.add(qhook);
    qhook.start();
    return qhook;
  }

  @Test
  void ticksReachHandlersAndQueuesAsCronTickEvents() throws IOException {
    RecordingReceiver receiver = RecordingReceiver.start();
    open.add(receiver);
    JdbcStore store = JdbcStore.sqlite(dir.resolve("qhook.db"));
    open.add(store);
    QHook qhook =
        start(
            """
            server: { allow_private_urls: true }
            sources:
              ticks: { type: cron, schedule: '* * * * * *' }
            handlers:
              report: { source: ticks, events: [cron.tick], url: '%s' }
            queues:
              work: { source: ticks }
            """
                .formatted(receiver.url("/report")),
            store,
            new SimpleMeterRegistry());

    clock.advance(Duration.ofSeconds(1));
    Awaitility.await().atMost(WAIT).until(() -> !receiver.requests().isEmpty());
    RecordingReceiver.RecordedRequest delivery = receiver.requests().get(0);
    assertThat(delivery.header("x-qhook-event-type")).isEqualTo("cron.tick");
    JsonNode payload = JSON.readTree(delivery.body());
    assertThat(payload.get("source").asText()).isEqualTo("ticks");
    Instant firedAt = Instant.parse(payload.get("fired_at").asText());
    assertThat(firedAt)
        .as("the scheduled second, not the moment it ran")
        .isEqualTo(Instant.parse("2026-12-07T10:00:01Z"));

    List<QueueMessage> messages = qhook.queue("work").receive(10, Duration.ofSeconds(5));
    assertThat(messages).isNotEmpty();
    assertThat(messages.get(0).eventType()).isEqualTo("cron.tick");
    Event event = qhook.admin().event(messages.get(0).eventId()).orElseThrow();
    assertThat(event.uniqueKey())
        .as("the idempotency key is the scheduled time")
        .isEqualTo(JSON.readTree(event.payload()).get("fired_at").asText());
  }

  @Test
  void twoInstancesOnOneStoreStoreEachTickOnce() throws Exception {
    InMemoryStore store = new InMemoryStore(clock);
    String yaml = "sources:\n  ticks: { type: cron, schedule: '* * * * * *' }\n";
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    start(yaml, store, first);
    start(yaml, store, second);

    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(1)); // both instances fire the tick before this returns
    }
    assertThat(ticks(first, "stored") + ticks(second, "stored")).isEqualTo(3);
    assertThat(ticks(first, "duplicate") + ticks(second, "duplicate")).isEqualTo(3);
    closeAll();
    open.clear();

    List<Event> events =
        store.events(new EventQuery("ticks", null, null, null, null, 1000, false)).items();
    List<String> firedAt = new ArrayList<>();
    for (Event event : events) {
      firedAt.add(JSON.readTree(event.payload()).get("fired_at").asText());
    }
    assertThat(firedAt)
        .as("one event per tick")
        .containsExactlyInAnyOrder(
            "2026-12-07T10:00:01Z", "2026-12-07T10:00:02Z", "2026-12-07T10:00:03Z");
    assertThat(ticks(first, "stored") + ticks(second, "stored"))
        .as("ticks stored by either instance")
        .isEqualTo(events.size());
  }

  private static double ticks(SimpleMeterRegistry registry, String result) {
    return registry.find("qhook.cron.ticks").tag("result", result).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
