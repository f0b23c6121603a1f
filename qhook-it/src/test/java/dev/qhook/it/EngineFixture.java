package dev.qhook.it;

import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Transport;
import dev.qhook.testkit.RecordingReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * An engine on a real SQLite file delivering to a real loopback receiver. The YAML may use {@code
 * RECEIVER} for the receiver's base URL.
 */
final class EngineFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  final RecordingReceiver receiver;
  final JdbcStore store;
  final QHook qhook;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private EngineFixture(RecordingReceiver receiver, JdbcStore store, QHook qhook) {
    this.receiver = receiver;
    this.store = store;
    this.qhook = qhook;
  }

  static EngineFixture start(Path dir, String yaml) {
    RecordingReceiver receiver = RecordingReceiver.start();
    return start(dir, yaml, receiver);
  }

  static EngineFixture start(Path dir, String yaml, RecordingReceiver receiver) {
    return start(dir, yaml, receiver, null);
  }

  static EngineFixture start(
      Path dir, String yaml, RecordingReceiver receiver, @Nullable Transport transport) {
    QHookConfig config = QHookConfig.fromYaml(yaml.replace("RECEIVER", receiver.url("")));
    JdbcStore store = JdbcStore.sqlite(dir.resolve("qhook.db"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    QHook.Builder builder = QHook.builder().config(config).store(store).meterRegistry(registry);
    if (transport != null) {
      builder.transport(transport);
    }
    QHook qhook = builder.build();
    qhook.start();
    return new EngineFixture(receiver, store, qhook);
  }

  IngestResult send(String source, String type, String json) {
    return qhook.ingest(IngestRequest.of(source, type, json));
  }

  IngestResult send(String source, String type, String json, Map<String, String> headers) {
    return qhook.ingest(
        new IngestRequest(source, type, json.getBytes(StandardCharsets.UTF_8), headers));
  }

  List<Job> jobsOf(String eventId) {
    return qhook.admin().jobs(JobQuery.forEvent(eventId)).items();
  }

  Job onlyJobOf(String eventId) {
    List<Job> jobs = jobsOf(eventId);
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job, got " + jobs);
    }
    return jobs.get(0);
  }

  /** Waits until the event's single job reaches the status, and returns it. */
  Job awaitJob(String eventId, JobStatus status) {
    Awaitility.await().atMost(WAIT).until(() -> onlyJobOf(eventId).status() == status);
    return onlyJobOf(eventId);
  }

  @Override
  public void close() {
    qhook.close();
    store.close();
    receiver.close();
  }
}
