package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.config.ConfigLoader;
import dev.qhook.server.QHookServer;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qhook queues ...} on a running engine's SQLite file: each command once opening the
 * database itself and once with {@code --remote} through the server, printing the same.
 */
class QueuesCommandTest {
  private static final String LONG = "x".repeat(300);

  @TempDir Path dir;
  private QHook engine;
  private QHookServer server;
  private String visible;
  private String inFlight;
  private String dead;
  private boolean stopped;

  @BeforeEach
  void start() throws IOException {
    Path file = dir.resolve("qhook.yaml");
    Files.writeString(
        file,
        """
        database: { url: sqlite:qhook.db }
        api: { auth_token: tok }
        sources:
          shop: { type: event }
        queues:
          orders: { source: shop, events: ["order.*"], max_attempts: 1 }
          refunds: { source: shop, events: ["refund.*"] }
        """,
        StandardCharsets.UTF_8);
    engine =
        QHook.builder()
            .config(ConfigLoader.builder().workingDirectory(dir).build().load(file).config())
            .build();
    engine.start();
    server = QHookServer.builder(engine).host("127.0.0.1").port(0).start();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      engine.ingest(
          IngestRequest.of("shop", "order.created", "{\"n\":" + i + ",\"s\":\"" + LONG + "\"}"));
    }
    QueueClient orders = engine.queue("orders");
    for (QueueMessage m : orders.receive(2, Duration.ZERO)) {
      ids.add(m.id());
    }
    orders.nack(List.of(ids.get(0)), Duration.ZERO); // max_attempts 1: dead
    dead = ids.get(0);
    inFlight = ids.get(1);
    visible = orders.peek(1).get(0).id();
  }

  @AfterEach
  void stop() {
    if (!stopped) {
      stopped = true;
      server.close();
      engine.close();
    }
  }

  /**
   * Runs {@code qhook queues ARGS}; locally only once the engine is stopped, since a SQLite file
   * serves one qhook instance at a time.
   */
  private CliRun queues(String mode, String... args) {
    if (mode.equals("local") && !stopped) {
      stop();
    }
    List<String> all = new ArrayList<>(List.of("queues"));
    all.addAll(List.of(args));
    if (mode.equals("remote")) {
      all.addAll(List.of("--remote", server.localUri().toString(), "--token", "tok"));
    }
    return CliRun.run(dir, Map.of(), all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void listShowsPendingInFlightAndDeadPerQueue(String mode) {
    CliRun run = queues(mode, "list");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).containsPattern("NAME\\s+SOURCE\\s+PENDING\\s+IN FLIGHT\\s+DEAD");
    assertThat(run.out).containsPattern("orders\\s+shop\\s+1\\s+1\\s+1");
    assertThat(run.out).containsPattern("refunds\\s+shop\\s+0\\s+0\\s+0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void inspectShowsConfigCountsAndVisibleMessages(String mode) {
    CliRun run = queues(mode, "inspect", "orders", "-l", "5");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out)
        .contains("queue orders")
        .contains("events:             order.*")
        .contains("visibility timeout: 30s")
        .contains("max attempts:       1")
        .contains("1 visible, 0 delayed, 1 in flight, 1 dead, 0 completed")
        .contains(visible)
        .doesNotContain(inFlight);

    JsonNode json =
        ServerJson.parseOrNull(
            queues(mode, "inspect", "orders", "--json").out.getBytes(StandardCharsets.UTF_8));
    assertThat(json.get("name").asText()).isEqualTo("orders");
    assertThat(json.get("dead").asInt()).isEqualTo(1);
    assertThat(json.get("messages")).hasSize(1);
    JsonNode dlq =
        ServerJson.parseOrNull(
            queues(mode, "dlq", "orders", "--json").out.getBytes(StandardCharsets.UTF_8));
    assertThat(dlq.get("messages").get(0).get("id").asText()).isEqualTo(dead);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void peekShowsTheOldestVisibleMessageWithoutLeasingIt(String mode) {
    CliRun run = queues(mode, "peek", "orders");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("id:         " + visible).contains("event type: order.created");
    String payload =
        run.out.lines().filter(l -> l.startsWith("payload:")).findFirst().orElseThrow();
    assertThat(payload).endsWith("…").hasSize("payload:    ".length() + 200 + 1);
    assertThat(queues(mode, "inspect", "orders").out).contains("1 visible, 0 delayed, 1 in flight");
    assertThat(queues(mode, "peek", "refunds").out).contains("has no visible message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void dlqListsDeadMessagesAndRetryRedrivesOneOrAll(String mode) {
    CliRun dlq = queues(mode, "dlq", "orders");
    assertThat(dlq.status).as(dlq.err).isZero();
    assertThat(dlq.out).contains(dead).contains("1 dead message(s)");

    CliRun wrong = queues(mode, "retry", "orders", "--id", inFlight);
    assertThat(wrong.status).isEqualTo(1);
    assertThat(wrong.err).contains("is not a dead message of queue 'orders'");

    CliRun one = queues(mode, "retry", "orders", "--id", dead);
    assertThat(one.status).as(one.err).isZero();
    assertThat(one.out).contains("redriven 1 message(s) of queue 'orders'");
    assertThat(queues(mode, "dlq", "orders").out).contains("has no dead messages");
    assertThat(queues(mode, "retry", "orders").out).contains("redriven 0 message(s)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void drainAsksUnlessForcedThenDeletesEveryMessage(String mode) {
    CliRun asked = queues(mode, "drain", "orders");
    assertThat(asked.status).isEqualTo(1);
    assertThat(asked.err).contains("stdin is not a terminal").contains("-f/--force");
    assertThat(queues(mode, "inspect", "orders").out).contains("1 visible, 0 delayed, 1 in flight");

    CliRun forced = queues(mode, "drain", "orders", "-f");
    assertThat(forced.status).as(forced.err).isZero();
    assertThat(forced.out).contains("deleted 3 message(s) of queue 'orders'");
    assertThat(queues(mode, "inspect", "orders").out)
        .contains("0 visible, 0 delayed, 0 in flight, 0 dead");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void anUnknownQueueFailsWithExitOne(String mode) {
    CliRun run = queues(mode, "inspect", "nope");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("not_found: no queue 'nope'");
  }

  @Test
  void openingTheDatabaseOfARunningServerPointsToRemote() {
    CliRun run = CliRun.run(dir, Map.of(), "queues", "list");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("is in use by another qhook instance").contains("--remote");
  }

  @Test
  void aWrongTokenFailsWithExitOneAndTheEnvironmentGivesUrlAndToken() {
    CliRun wrong =
        CliRun.run(
            dir,
            Map.of(),
            "queues",
            "list",
            "--remote",
            server.localUri().toString(),
            "--token",
            "x");
    assertThat(wrong.status).isEqualTo(1);
    assertThat(wrong.err).contains("unauthorized");

    CliRun fromEnv =
        CliRun.run(
            dir,
            Map.of("QHOOK_REMOTE_URL", server.localUri().toString(), "QHOOK_API_TOKEN", "tok"),
            "queues",
            "list");
    assertThat(fromEnv.status).as(fromEnv.err).isZero();
    assertThat(fromEnv.out).contains("orders");
  }

  @Test
  void aMissingQueueNameOrABadLimitIsAUsageError() {
    assertThat(CliRun.run(dir, Map.of(), "queues", "inspect").status).isEqualTo(2);
    CliRun limit = queues("remote", "dlq", "orders", "-l", "0");
    assertThat(limit.status).isEqualTo(1);
    assertThat(limit.err).contains("--limit: must be from 1 to 1000, was 0");
  }
}
