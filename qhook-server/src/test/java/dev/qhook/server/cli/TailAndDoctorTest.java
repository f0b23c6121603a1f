package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qhook tail}, {@code qhook doctor} and {@code qhook completion}. */
class TailAndDoctorTest {
  @TempDir Path dir;

  @Test
  void tailFollowsNewEventsAndJobChangesThroughTheServer() throws IOException {
    try (RecordingReceiver ok = RecordingReceiver.start();
        RecordingReceiver failing = RecordingReceiver.start();
        CliFixture f = CliFixture.start(dir, CliFixture.receiverYaml(ok, failing))) {
      failing.respondByDefault(RecordingReceiver.Response.status(500));
      String old = f.ingest("shop", "refund.created", "{}");
      f.awaitSettled(old);
      List<String> sent = new ArrayList<>();
      CliRun run = tailWhileIngesting(f, sent, "--count", "3");

      assertThat(run.status).as(run.err).isZero();
      assertThat(run.out).doesNotContain(old);
      assertThat(sent).anySatisfy(id -> assertThat(run.out).contains("event " + id));
      assertThat(run.out.lines()).hasSize(3);
      assertThat(run.out).containsPattern("job \\S+  (ok  completed|flaky  dead)  attempt 1");

      CliRun json = tailWhileIngesting(f, sent, "--count", "2", "--json");
      assertThat(json.status).as(json.err).isZero();
      assertThat(json.out.lines())
          .hasSize(2)
          .allSatisfy(
              l -> {
                JsonNode line = ServerJson.parseOrNull(l.getBytes(StandardCharsets.UTF_8));
                assertThat(line.get("kind").asText()).isIn("event", "job");
                assertThat(line.get("id").asText()).isNotEmpty();
              });
    }
  }

  /** Runs {@code tail ARGS} through the server, ingesting an event now and then until it ends. */
  private static CliRun tailWhileIngesting(CliFixture f, List<String> sent, String... args) {
    List<String> all = new ArrayList<>(List.of("tail", "--interval", "20"));
    all.addAll(List.of(args));
    CompletableFuture<CliRun> tail =
        CompletableFuture.supplyAsync(() -> f.run("remote", all.toArray(String[]::new)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              if (!tail.isDone()) {
                sent.add(f.ingest("shop", "order.created", "{}"));
              }
              return tail.isDone();
            });
    return tail.join();
  }

  @Test
  void tailOnTheDatabaseStopsWhenSignalled() throws IOException {
    try (RecordingReceiver ok = RecordingReceiver.start();
        CliFixture f = CliFixture.start(dir, CliFixture.receiverYaml(ok, ok))) {
      f.close();
      StopSignal stop = StopSignal.manual();
      stop.trigger();
      CliRun run = CliRun.run(dir, Map.of(), stop, "tail");
      assertThat(run.status).as(run.err).isZero();
      assertThat(run.out).isEmpty();
    }
  }

  @Test
  void doctorPassesAHealthyConfigAndCountsIssues() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (RecordingReceiver ok = RecordingReceiver.start();
        RecordingReceiver failing = RecordingReceiver.start()) {
      failing.respondByDefault(RecordingReceiver.Response.status(503));
      String yaml = CliFixture.receiverYaml(ok, ok) + "  \n";
      Files.writeString(
          dir.resolve("qhook.yaml"),
          yaml.replace("server: {", "server: { port: " + port + ","),
          StandardCharsets.UTF_8);
      try (CliFixture f = CliFixture.start(dir, Files.readString(dir.resolve("qhook.yaml")))) {
        f.close(); // creates and migrates the database, then lets go of it
      }
      CliRun healthy = CliRun.run(dir, Map.of(), "doctor");
      assertThat(healthy.status).as(healthy.out + healthy.err).isZero();
      assertThat(healthy.out)
          .contains("ok    config valid")
          .contains("warn  ")
          .contains("reachable (0 pending, 0 dead)")
          .contains("ok    port " + port + " free")
          .contains("ok    handler ok " + ok.url("/ok") + " reachable (HTTP 200 to GET)")
          .endsWith("doctor: every check passed\n");

      Files.writeString(
          dir.resolve("qhook.yaml"),
          CliFixture.receiverYaml(ok, failing)
                  .replace("server: {", "server: { port: " + port + ",")
                  .replace("sqlite:qhook.db", "sqlite:missing/dir/qhook.db")
              + """
              workflows:
                pay:
                  source: shop
                  events: [pay]
                  steps:
                    - { name: charge, url: URL }
              """
                  .replace("URL", failing.url("/charge")),
          StandardCharsets.UTF_8);
      CliRun sick = CliRun.run(dir, Map.of(), "doctor");
      assertThat(sick.status).isEqualTo(1);
      assertThat(sick.out)
          .contains("FAIL  handler flaky " + failing.url("/flaky") + " answers HTTP 503 to GET")
          .contains("FAIL  step pay.charge " + failing.url("/charge") + " answers HTTP 503 to GET")
          .contains("FAIL  ")
          .endsWith("issues found\n");
    }
    Files.writeString(dir.resolve("qhook.yaml"), "sources: { a: { type: nope } }\n");
    CliRun invalid = CliRun.run(dir, Map.of(), "doctor");
    assertThat(invalid.status).isEqualTo(1);
    assertThat(invalid.out).contains("FAIL  config sources.a.type");
  }

  @Test
  void completionPrintsABashScriptNamingEveryCommand() {
    CliRun run = CliRun.run(dir, Map.of(), "completion");

    assertThat(run.status).isZero();
    assertThat(run.out)
        .contains("complete -F")
        .contains("inspect")
        .contains("doctor")
        .contains("replay-local");
  }
}
