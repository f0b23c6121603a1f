package dev.qhook.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.QHook;
import dev.qhook.RunDetail;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.server.QHookServer;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.signers.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One of the example configs in {@code examples/} running for real: its YAML with every target URL
 * {@code http(s)://host[:port]/path} turned into {@code <receiver>/host/path} of a loopback
 * receiver, an engine on a SQLite file with a manual clock, and the HTTP server in front of it.
 */
final class ExampleWorkflows implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Map<String, String> ENV =
      Map.of(
          "PAGERDUTY_WEBHOOK_SECRET", "pd-secret",
          "PAGERDUTY_API_KEY", "pd-key",
          "GITHUB_WEBHOOK_SECRET", "gh-secret",
          "TF_API_TOKEN", "tf-token",
          "TF_NOTIFICATION_SECRET", "tf-secret");
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Pattern TARGET = Pattern.compile("https?://([a-z0-9.-]+)(?::\\d+)?/");
  private static final ObjectMapper JSON = new ObjectMapper();

  final RecordingReceiver receiver = RecordingReceiver.start();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
  final QHook qhook;
  private final JdbcStore store;
  private final QHookServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  private ExampleWorkflows(Path dir, String example) {
    QHookConfig config = config(example, receiver.url(""));
    store = JdbcStore.sqlite(dir.resolve("qhook.db"), 2, Clock.systemUTC());
    qhook = QHook.builder().config(config).store(store).clock(clock).build();
    qhook.start();
    server = QHookServer.builder(qhook).host("127.0.0.1").port(0).clock(clock).start();
  }

  static ExampleWorkflows start(Path dir, String example) {
    return new ExampleWorkflows(dir, example);
  }

  /** The example with its targets on the receiver and private URLs allowed. */
  static QHookConfig config(String example, String receiverBase) {
    String yaml;
    try {
      yaml = Files.readString(EXAMPLES.resolve(example));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String local =
        "server:\n  allow_private_urls: true\n"
            + TARGET.matcher(yaml).replaceAll(receiverBase.replace("$", "\\$") + "/$1/");
    return ConfigLoader.builder().environment(ENV).build().fromYaml(local).config();
  }

  /** POSTs to the server; answers the status and the body. */
  HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.localUri().resolve(path))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A signed webhook to {@code /webhooks/<source>} (answered 200); answers the id of the run it
   * started.
   */
  String webhook(String source, SignedRequest signed) {
    HttpResponse<String> response = post("/webhooks/" + source, signed.body(), signed.headers());
    return runOf(accepted(response, 200));
  }

  /** An event to {@code /events/<source>/<type>} (answered 202); answers the run it started. */
  String event(String source, String type, String json) {
    HttpResponse<String> response =
        post(
            "/events/" + source + "/" + type,
            bytes(json),
            Map.of("Content-Type", "application/json"));
    return runOf(accepted(response, 202));
  }

  private static String accepted(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = tree(response.body());
    assertThat(body.get("workflow_runs_started").asInt()).isEqualTo(1);
    return body.get("event_id").asText();
  }

  String runOf(String eventId) {
    List<WorkflowRun> runs = qhook.workflowRuns().runs(RunQuery.forEvent(eventId)).items();
    assertThat(runs).hasSize(1);
    return runs.get(0).id();
  }

  WorkflowRun run(String id) {
    return qhook.workflowRuns().run(id).orElseThrow();
  }

  /** Waits until the run has the status; returns its detail. */
  RunDetail awaitRun(String id, RunStatus status) {
    Awaitility.await().atMost(WAIT).until(() -> run(id).status() == status);
    return qhook.workflowRuns().detail(id).orElseThrow();
  }

  /** Waits until the run is at step {@code step}. */
  void awaitStep(String id, String step) {
    Awaitility.await().atMost(WAIT).until(() -> step.equals(run(id).currentStep()));
  }

  /**
   * Moves the clock to the next time one of the run's jobs is due (a retry, a wait) until {@code
   * done} holds: what takes minutes of backoff in production takes a few polls here, and the clock
   * never jumps past a due job, so no deadline passes that would not pass in production. It moves
   * only while none of the run's jobs is running: the engine's sweeps run on each move, and a jump
   * past a running step's lease would take it back as lost.
   */
  void advanceUntil(String runId, BooleanSupplier done) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (done.getAsBoolean()) {
                return true;
              }
              Instant now = clock.instant();
              List<Job> jobs =
                  qhook.workflowRuns().detail(runId).orElseThrow().steps().stream()
                      .map(RunStep::job)
                      .toList();
              if (jobs.stream().anyMatch(j -> j.status() == JobStatus.RUNNING)) {
                return false;
              }
              jobs.stream()
                  .filter(
                      j -> j.status() == JobStatus.AVAILABLE || j.status() == JobStatus.RETRYABLE)
                  .map(Job::scheduledAt)
                  .filter(due -> due.isAfter(now))
                  .min(Instant::compareTo)
                  .ifPresent(clock::set);
              return false;
            });
  }

  /** Moves the clock through the run's retries and waits until it ends; answers its detail. */
  RunDetail finish(String runId) {
    advanceUntil(runId, () -> run(runId).status() != RunStatus.RUNNING);
    return qhook.workflowRuns().detail(runId).orElseThrow();
  }

  /** The requests the receiver got for {@code host/path} (as the example names them). */
  List<RecordingReceiver.RecordedRequest> requestsTo(String hostAndPath) {
    return receiver.requestsTo(hostAndPath);
  }

  /** The bodies of the requests to {@code host/path}, as JSON. */
  List<JsonNode> bodiesTo(String hostAndPath) {
    return receiver.requestsTo(hostAndPath).stream().map(r -> tree(r.bodyText())).toList();
  }

  /** The step names of the run's executions, in order. */
  static List<String> steps(RunDetail detail) {
    return detail.steps().stream().map(s -> s.job().step().stepName()).toList();
  }

  /** The execution of step {@code name} (the last one, if it ran more than once). */
  static RunStep step(RunDetail detail, String name) {
    List<RunStep> matching =
        detail.steps().stream().filter(s -> s.job().step().stepName().equals(name)).toList();
    assertThat(matching).as("executions of " + name).isNotEmpty();
    return matching.get(matching.size() - 1);
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static RecordingReceiver.Response json(String body) {
    return new RecordingReceiver.Response(
        200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
  }

  @Override
  public void close() {
    server.close();
    qhook.close();
    store.close();
    receiver.close();
  }
}
