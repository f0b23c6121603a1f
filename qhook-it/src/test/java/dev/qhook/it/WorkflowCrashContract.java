package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery in the middle of workflow runs (issue #12): a server process is killed with
 * SIGKILL between two steps of its runs (the first step's transition stored, the second step's call
 * in flight) and restarted on the same database. Every run completes, each transition stored once:
 * one step record per step and branch, and the first step never called again; the second step's
 * call repeats (at-least-once).
 */
abstract class WorkflowCrashContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUNS = 4;

  @TempDir Path dir;

  /** The {@code database.url} of an empty database or schema of the test's own. */
  abstract String freshDatabaseUrl();

  /** Removes what {@link #freshDatabaseUrl} created. */
  void dropDatabase() {}

  /** How long the restarted server may take to complete the runs. */
  abstract Duration recoveryBound();

  @AfterEach
  void drop() {
    dropDatabase();
  }

  @Test
  void runsKilledBetweenStepsCompleteWithEachTransitionOnce() throws Exception {
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      // The first process finds step b hanging: its calls are in flight when the process dies.
      receiver.respondTo("/b", new Response(200, Map.of(), "", Duration.ofSeconds(60)));
      int port = ServerProcess.freePort();
      Path config = dir.resolve("qhook.yaml");
      Files.writeString(config, yaml(port, freshDatabaseUrl(), receiver));

      List<String> events = new ArrayList<>();
      try (ServerProcess first = ServerProcess.start(dir, config, port, "first.log")) {
        for (int i = 0; i < RUNS; i++) {
          HttpResponse<String> response =
              first.post("/events/app/order.created", "{\"n\":" + i + "}");
          assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
          events.add(JSON.readTree(response.body()).get("event_id").asText());
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> receiver.requestsTo("/b").size() >= RUNS);
        first.kill();
      }
      assertThat(receiver.requestsTo("/a")).hasSize(RUNS);

      receiver.respondTo("/b", Response.status(200));
      try (ServerProcess second = ServerProcess.start(dir, config, port, "second.log")) {
        List<String> runs = new ArrayList<>();
        for (String event : events) {
          JsonNode detail = JSON.readTree(second.get("/api/events/" + event).body());
          assertThat(detail.get("workflow_runs")).hasSize(1);
          runs.add(detail.get("workflow_runs").get(0).get("id").asText());
        }
        Awaitility.await()
            .atMost(recoveryBound())
            .pollInterval(Duration.ofMillis(250))
            .until(() -> allCompleted(second, runs));
        for (String run : runs) {
          JsonNode detail = JSON.readTree(second.get("/api/workflow-runs/" + run).body());
          List<String> steps = new ArrayList<>();
          for (JsonNode step : detail.get("steps")) {
            assertThat(step.get("status").asText()).as(step.toString()).isEqualTo("completed");
            steps.add(
                step.get("step_name").asText()
                    + (step.get("branch").isNull() ? "" : "/" + step.get("branch").asText()));
          }
          assertThat(steps)
              .as("run %s", run)
              .containsExactlyInAnyOrder("a", "b", "par", "par/left", "par/right", "e");
        }
      }
      assertThat(receiver.requestsTo("/a")).hasSize(RUNS);
      assertThat(receiver.requestsTo("/b").size()).isGreaterThanOrEqualTo(2 * RUNS);
      assertThat(receiver.requestsTo("/left")).hasSize(RUNS);
      assertThat(receiver.requestsTo("/right")).hasSize(RUNS);
      assertThat(receiver.requestsTo("/e")).hasSize(RUNS);
    }
  }

  private static boolean allCompleted(ServerProcess server, List<String> runs) throws Exception {
    for (String run : runs) {
      JsonNode detail = JSON.readTree(server.get("/api/workflow-runs/" + run).body());
      if (!"completed".equals(detail.get("status").asText())) {
        return false;
      }
    }
    return true;
  }

  /** Step timeouts of 3 s: a lease of 23 s, so a shared store recovers the lost jobs soon. */
  private static String yaml(int port, String databaseUrl, RecordingReceiver receiver) {
    return """
        server: { host: 127.0.0.1, port: %d, allow_private_urls: true }
        database: { url: "%s" }
        delivery: { timeout: 3s }
        worker: { max_concurrency: 8 }
        sources:
          app: { type: event }
        workflows:
          crash:
            source: app
            events: [order.created]
            steps:
              - { name: a, url: "%s", result_path: $.a }
              - { name: b, url: "%s", result_path: $.b }
              - name: par
                type: parallel
                result_path: $.par
                branches:
                  - { name: left, url: "%s" }
                  - { name: right, url: "%s" }
              - { name: e, url: "%s", result_path: null }
        """
        .formatted(
            port,
            databaseUrl,
            receiver.url("/a"),
            receiver.url("/b"),
            receiver.url("/left"),
            receiver.url("/right"),
            receiver.url("/e"));
  }
}
