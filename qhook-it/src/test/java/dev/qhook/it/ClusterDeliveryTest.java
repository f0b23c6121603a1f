package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two engine instances on one PostgreSQL database, as a cluster runs: each job is delivered once,
 * by one of them, a handler's {@code max_concurrency} holds across both, and each cron tick is
 * stored once whichever instance fires it. Where time matters (ticks, retries) both instances share
 * one {@link ManualClock}, moved by the test.
 */
@EnabledIfEnvironmentVariable(named = "QHOOK_TEST_POSTGRES_URL", matches = ".+")
class ClusterDeliveryTest {
  private static final String URL = System.getenv("QHOOK_TEST_POSTGRES_URL");
  private final String schema =
      "qhook_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private QHook instance(QHookConfig config) {
    return instance(config, Clock.systemUTC());
  }

  private QHook instance(QHookConfig config, Clock clock) {
    JdbcStore store =
        JdbcStore.postgres(
            URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            JdbcStore.DEFAULT_POSTGRES_CONNECTIONS,
            clock);
    QHook qhook = QHook.builder().config(config).store(store).clock(clock).build();
    open.add(store);
    open.add(qhook);
    qhook.start();
    return qhook;
  }

  @Test
  void twoInstancesShareTheWorkAndTheConcurrencyLimit() throws Exception {
    execute("CREATE SCHEMA " + schema);
    RecordingReceiver receiver = RecordingReceiver.start();
    open.add(receiver);
    receiver.respondByDefault(new Response(200, Map.of(), "", Duration.ofMillis(100)));
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              app: { type: event }
            handlers:
              limited: { source: app, url: %s, max_concurrency: 2 }
            """
                .formatted(receiver.url("/limited")));
    QHook first = instance(config);
    QHook second = instance(config);

    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      QHook via = i % 2 == 0 ? first : second;
      accepted.add(via.ingest(IngestRequest.of("app", "x", "{\"n\":" + i + "}")).eventId());
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                first.admin().jobs(JobQuery.all()).items().stream()
                        .filter(j -> j.status() == JobStatus.COMPLETED)
                        .count()
                    == 20);
    List<String> delivered =
        receiver.requests().stream().map(r -> r.header("x-qhook-event-id")).toList();
    assertThat(delivered).as("each job once").hasSize(20);
    assertThat(new HashSet<>(delivered)).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(receiver.maxConcurrentRequests())
        .as("max_concurrency across instances")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void twoInstancesStoreEachCronTickOnce() throws Exception {
    execute("CREATE SCHEMA " + schema);
    QHookConfig config =
        QHookConfig.fromYaml("sources:\n  ticks: { type: cron, schedule: '* * * * * *' }\n");
    ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00.250Z"));
    instance(config, clock);
    instance(config, clock);

    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(1)); // both instances fire the tick before this returns
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    open.clear();

    try (JdbcStore store =
        JdbcStore.postgres(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema)) {
      List<String> keys =
          store
              .events(new EventQuery("ticks", null, null, null, null, 1000, false))
              .items()
              .stream()
              .map(e -> e.uniqueKey())
              .toList();
      List<Instant> seconds = keys.stream().map(Instant::parse).toList();
      assertThat(seconds)
          .as("one event per scheduled second, its key the scheduled time")
          .containsExactlyInAnyOrder(
              Instant.parse("2026-12-07T10:00:01Z"),
              Instant.parse("2026-12-07T10:00:02Z"),
              Instant.parse("2026-12-07T10:00:03Z"),
              Instant.parse("2026-12-07T10:00:04Z"));
    }
  }

  @Test
  void anOrderingKeyIsDeliveredInIngestOrderAcrossInstancesWhileItsHeadRetries() throws Exception {
    execute("CREATE SCHEMA " + schema);
    RecordingReceiver receiver = RecordingReceiver.start();
    open.add(receiver);
    receiver.respondByDefault(new Response(200, Map.of(), "", Duration.ofMillis(50)));
    // The first three deliveries fail: the heads of the keys retry (1 s later) and hold their key.
    receiver.respondWith(503).respondWith(503).respondWith(503);
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              app: { type: event }
            handlers:
              ordered:
                source: app
                url: %s
                ordering_key: $.customer
                retry: { max: 5, backoff: fixed, interval: 1s, jitter: false }
            """
                .formatted(receiver.url("/ordered")));
    ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    QHook first = instance(config, clock);
    QHook second = instance(config, clock);

    int perKey = 6;
    List<String> keys = List.of("a", "b", "c");
    for (int n = 0; n < perKey; n++) {
      for (String key : keys) {
        QHook via = (n + key.charAt(0)) % 2 == 0 ? first : second;
        via.ingest(IngestRequest.of("app", "x", "{\"customer\":\"" + key + "\",\"n\":" + n + "}"));
        clock.advance(Duration.ofMillis(1)); // ingest order is id order across the instances
      }
    }

    advanceThroughRetriesUntil(
        first,
        clock,
        () ->
            first.admin().jobs(JobQuery.all()).items().stream()
                    .filter(j -> j.status() == JobStatus.COMPLETED)
                    .count()
                == perKey * keys.size());
    ObjectMapper json = new ObjectMapper();
    Map<String, List<Integer>> arrivals = new java.util.TreeMap<>();
    for (RecordingReceiver.RecordedRequest r : receiver.requests()) {
      JsonNode body = json.readTree(r.body());
      List<Integer> seen =
          arrivals.computeIfAbsent(body.get("customer").asText(), k -> new ArrayList<>());
      int n = body.get("n").asInt();
      if (seen.isEmpty() || seen.get(seen.size() - 1) != n) {
        seen.add(n); // a retry repeats the same n right after its failure, never later
      }
    }
    List<Integer> ingestOrder = java.util.stream.IntStream.range(0, perKey).boxed().toList();
    assertThat(arrivals)
        .as("each key in ingest order, a failed head retried before the next")
        .containsOnlyKeys(keys)
        .allSatisfy((key, ns) -> assertThat(ns).isEqualTo(ingestOrder));
    assertThat(receiver.requests()).hasSize(perKey * keys.size() + 3);
    assertThat(receiver.maxConcurrentRequests())
        .as("one delivery at a time per key")
        .isLessThanOrEqualTo(keys.size());
  }

  /**
   * Moves the clock to the next retry's due time, each time one waits, until {@code done}: the
   * clock never jumps while no retry waits, so no lease of a delivery in flight lapses.
   */
  private static void advanceThroughRetriesUntil(
      QHook engine, ManualClock clock, BooleanSupplier done) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (done.getAsBoolean()) {
                return true;
              }
              Instant now = clock.instant();
              engine.admin().jobs(JobQuery.all()).items().stream()
                  .filter(j -> j.status() == JobStatus.RETRYABLE)
                  .map(Job::scheduledAt)
                  .filter(due -> due.isAfter(now))
                  .min(Instant::compareTo)
                  .ifPresent(clock::set);
              return false;
            });
  }
}
