package dev.qhook.jdbc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.RunDetail;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.Store;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * An engine running workflows on a real SQLite file against a loopback receiver ({@code RECEIVER}
 * in the YAML is its base URL), with a manual clock that tests move, and the alerts it raised.
 */
final class WorkflowFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final RecordingReceiver receiver;
  final Store store;
  final QHook qhook;
  final ManualClock clock;
  final List<Alert> alerts;

  private WorkflowFixture(
      RecordingReceiver receiver, Store store, QHook qhook, ManualClock clock, List<Alert> alerts) {
    this.alerts = alerts;
    this.receiver = receiver;
    this.store = store;
    this.qhook = qhook;
    this.clock = clock;
  }

  static WorkflowFixture start(Path dir, String yaml) {
    return start(dir, yaml, RecordingReceiver.start(), new ManualClock(START));
  }

  static WorkflowFixture start(
      Path dir, String yaml, RecordingReceiver receiver, ManualClock clock) {
    return start(
        JdbcStore.sqlite(dir.resolve("qhook.db"), 2, Clock.systemUTC()), yaml, receiver, clock);
  }

  /** On {@code store} (closed with the fixture). */
  static WorkflowFixture start(
      Store store, String yaml, RecordingReceiver receiver, ManualClock clock) {
    QHookConfig config = QHookConfig.fromYaml(yaml.replace("RECEIVER", receiver.url("")));
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    QHook qhook =
        QHook.builder().config(config).store(store).clock(clock).alertSink(alerts::add).build();
    qhook.start();
    return new WorkflowFixture(receiver, store, qhook, clock, alerts);
  }

  IngestResult send(String source, String type, String json) {
    return qhook.ingest(IngestRequest.of(source, type, json));
  }

  /** The single run an event started. */
  WorkflowRun runOf(String eventId) {
    List<WorkflowRun> runs = qhook.workflowRuns().runs(RunQuery.forEvent(eventId)).items();
    assertThat(runs).hasSize(1);
    return runs.get(0);
  }

  WorkflowRun run(String id) {
    return qhook.workflowRuns().run(id).orElseThrow();
  }

  RunDetail detail(String id) {
    return qhook.workflowRuns().detail(id).orElseThrow();
  }

  /** Waits until the run reaches the status, and returns it. */
  WorkflowRun awaitRun(String id, RunStatus status) {
    Awaitility.await().atMost(WAIT).until(() -> run(id).status() == status);
    return run(id);
  }

  /** Waits until the run is at step {@code step}. */
  void awaitStep(String id, String step) {
    Awaitility.await().atMost(WAIT).until(() -> step.equals(run(id).currentStep()));
  }

  /** Moves the clock and wakes the dispatcher's next claim by a poll. */
  void advance(Duration by) {
    clock.advance(by);
  }

  @Nullable Alert alert(String kind) {
    return alerts.stream().filter(a -> a.kind().label().equals(kind)).findFirst().orElse(null);
  }

  /**
   * The first alert of {@code kind}, waiting for it: alerts are raised after the transaction that
   * ends a run commits, so a test that saw the run's new status may still be ahead of its alert.
   */
  Alert awaitAlert(String kind) {
    Awaitility.await().atMost(WAIT).until(() -> alert(kind) != null);
    return java.util.Objects.requireNonNull(alert(kind));
  }

  /** Stops the engine and closes the store, leaving the receiver running (a restart). */
  void stopEngine() {
    qhook.close();
    store.close();
  }

  @Override
  public void close() {
    qhook.close();
    store.close();
    receiver.close();
  }
}
