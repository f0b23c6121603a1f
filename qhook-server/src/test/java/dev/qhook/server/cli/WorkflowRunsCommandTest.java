package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.QHookServer;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qhook workflow-runs ...} on a running engine's SQLite file: each command once opening the
 * database itself and once with {@code --remote} through the server.
 */
class WorkflowRunsCommandTest {
  @TempDir Path dir;
  private RecordingReceiver receiver;
  private QHook engine;
  private QHookServer server;
  private String failed;
  private String sleeping;
  private String sleepEvent;
  private boolean stopped;

  @BeforeEach
  void start() throws IOException {
    receiver = RecordingReceiver.start().respondByDefault(RecordingReceiver.Response.status(500));
    Path file = dir.resolve("qhook.yaml");
    Files.writeString(
        file,
        """
        database: { url: sqlite:qhook.db }
        server: { allow_private_urls: true }
        api: { auth_token: tok }
        sources:
          app: { type: event }
        workflows:
          charge:
            source: app
            events: [charge]
            steps:
              - { name: call, url: RECEIVER/charge, retry: { max: 1 } }
          sleepy:
            source: app
            events: [sleep]
            steps:
              - { name: nap, type: wait, seconds: 3600 }
        """
            .replace("RECEIVER", receiver.url("")),
        StandardCharsets.UTF_8);
    QHookConfig config = ConfigLoader.builder().workingDirectory(dir).build().load(file).config();
    engine = QHook.builder().config(config).build();
    engine.start();
    server = QHookServer.builder(engine).host("127.0.0.1").port(0).start();
    failed = runOf(engine.ingest(IngestRequest.of("app", "charge", "{}")).eventId());
    sleepEvent = engine.ingest(IngestRequest.of("app", "sleep", "{}")).eventId();
    sleeping = runOf(sleepEvent);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> engine.workflowRuns().run(failed).orElseThrow().status() == RunStatus.FAILED);
  }

  private String runOf(String eventId) {
    List<WorkflowRun> runs = engine.workflowRuns().runs(RunQuery.forEvent(eventId)).items();
    assertThat(runs).hasSize(1);
    return runs.get(0).id();
  }

  @AfterEach
  void stop() {
    stopEngine();
    receiver.close();
  }

  private void stopEngine() {
    if (!stopped) {
      stopped = true;
      server.close();
      engine.close();
    }
  }

  /** Runs {@code qhook workflow-runs ARGS}; locally only once the engine is stopped (SQLite). */
  private CliRun runs(String mode, String... args) {
    return cli(mode, Stream.concat(Stream.of("workflow-runs"), Arrays.stream(args)));
  }

  private CliRun cli(String mode, Stream<String> args) {
    boolean remote = mode.equals("remote");
    if (!remote) {
      stopEngine();
    }
    String[] remoteArgs =
        remote
            ? new String[] {"--remote", server.localUri().toString(), "--token", "tok"}
            : new String[0];
    return CliRun.run(
        dir, Map.of(), Stream.concat(args, Arrays.stream(remoteArgs)).toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void inspectShowsTheEventsRunsWithTheirCurrentStep(String mode) {
    CliRun inspect = cli(mode, Stream.of("inspect", sleepEvent));

    assertThat(inspect.status).as(inspect.err).isZero();
    assertThat(inspect.out)
        .contains("1 workflow run(s):")
        .containsPattern(sleeping + "\\s+sleepy\\s+running\\s+nap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void listShowsRunsNewestFirstAndFiltersByStatus(String mode) {
    CliRun all = runs(mode, "list");

    assertThat(all.status).as(all.err).isZero();
    assertThat(all.out).containsPattern("ID\\s+WORKFLOW\\s+STATUS\\s+STEP\\s+CREATED\\s+ERROR");
    assertThat(all.out)
        .containsPattern(
            sleeping + "\\s+sleepy\\s+running\\s+nap\\s+\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+-");
    assertThat(all.out)
        .containsPattern(
            failed
                + "\\s+charge\\s+failed\\s+call\\s+\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+HTTP 500");
    assertThat(all.out.indexOf(sleeping)).isLessThan(all.out.indexOf(failed));

    CliRun onlyFailed = runs(mode, "list", "-s", "failed", "-l", "5");
    assertThat(onlyFailed.out).contains(failed).doesNotContain(sleeping);

    CliRun bad = runs(mode, "list", "--status", "asleep");
    assertThat(bad.status).isEqualTo(1);
    assertThat(bad.err).contains("status: unknown run status 'asleep'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void redriveAndCancelChangeOneRunAndRefuseTheWrongState(String mode) {
    CliRun redrive = runs(mode, "redrive", failed);
    assertThat(redrive.status).as(redrive.err).isZero();
    assertThat(redrive.out).contains("run " + failed + " is running again at step 'call'");

    CliRun cancel = runs(mode, "cancel", sleeping, "--json");
    assertThat(cancel.status).as(cancel.err).isZero();
    assertThat(cancel.out.trim())
        .isEqualTo("{\"id\":\"" + sleeping + "\",\"status\":\"cancelled\"}");

    CliRun again = runs(mode, "cancel", sleeping, "--json");
    assertThat(again.status).isEqualTo(1);
    assertThat(again.err).contains("conflict:");

    CliRun unknown = runs(mode, "redrive", "nope");
    assertThat(unknown.status).isEqualTo(1);
    assertThat(unknown.err).contains("not_found: no workflow run 'nope'");
  }
}
