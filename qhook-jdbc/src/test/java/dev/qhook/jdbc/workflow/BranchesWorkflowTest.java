package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel and map steps (docs/reference/configuration.md, "Workflows") against a loopback server
 * that echoes each request body: results keyed by branch, results in item order, max_concurrency,
 * empty and missing arrays, non-arrays, and one branch failing for good.
 */
class BranchesWorkflowTest {
  @TempDir Path dir;

  /** A port nothing listens on: every call there fails with class network. */
  static final String CLOSED = "http://127.0.0.1:1/closed";

  @Test
  void aParallelStepCompletesWithAnObjectKeyedByBranch() {
    try (EchoServer echo = EchoServer.start()) {
      String yaml =
          BASE
              + """
              workflows:
                fan:
                  source: app
                  steps:
                    - name: both
                      type: parallel
                      branches:
                        - { name: a, url: ECHO/a }
                        - { name: b, url: ECHO/b }
                      result_path: $.results
              """;
      try (WorkflowFixture f = WorkflowFixture.start(dir, yaml.replace("ECHO", echo.url("")))) {
        String run = f.runOf(f.send("app", "x", "{\"n\":1}").eventId()).id();

        WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

        assertThat(done.output())
            .isEqualTo("{\"n\":1,\"results\":{\"a\":{\"n\":1},\"b\":{\"n\":1}}}");
        assertThat(echo.paths).containsExactlyInAnyOrder("/a", "/b");
        List<RunStep> steps = f.detail(run).steps();
        assertThat(steps).extracting(s -> s.job().step().branch()).containsExactly(null, "a", "b");
        assertThat(steps)
            .allSatisfy(s -> assertThat(s.job().status()).isEqualTo(JobStatus.COMPLETED));
      }
    }
  }

  @Test
  void aBranchFailingForGoodCancelsTheOthersAndFailsTheStepNamingTheBranch() {
    String yaml =
        BASE
            + """
            workflows:
              fan:
                source: app
                steps:
                  - name: both
                    type: parallel
                    retry: { max: 1 }
                    branches:
                      - { name: slow, url: RECEIVER/slow }
                      - { name: broken, url: CLOSED }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml.replace("CLOSED", CLOSED))) {
      f.receiver.respondByDefault(
          new dev.qhook.testkit.RecordingReceiver.Response(
              200, java.util.Map.of(), "{}", java.time.Duration.ofSeconds(2)));
      String run = f.runOf(f.send("app", "x", "{}").eventId()).id();

      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(failed.error()).contains("branch 'broken'").contains("\"class\":\"network\"");
      assertThat(f.detail(run).steps().get(0).job().status()).isEqualTo(JobStatus.CANCELLED);
    }
  }

  @Test
  void aMapStepCallsOncePerItemAndKeepsItemOrder() {
    try (EchoServer echo = EchoServer.start()) {
      String yaml =
          BASE
              + """
              workflows:
                each:
                  source: app
                  steps:
                    - name: items
                      type: map
                      items_path: $.items
                      max_concurrency: 2
                      url: ECHO/item
                      result_path: $.out
              """;
      try (WorkflowFixture f = WorkflowFixture.start(dir, yaml.replace("ECHO", echo.url("")))) {
        String run =
            f.runOf(
                    f.send(
                            "app",
                            "x",
                            "{\"items\":[{\"i\":0},{\"i\":1},{\"i\":2},{\"i\":3},{\"i\":4}]}")
                        .eventId())
                .id();

        WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

        assertThat(done.output())
            .endsWith(",\"out\":[{\"i\":0},{\"i\":1},{\"i\":2},{\"i\":3},{\"i\":4}]}");
        assertThat(echo.paths).hasSize(5);
        assertThat(f.detail(run).steps()).hasSize(6);
      }
    }
  }

  @Test
  void aMapOverNothingYieldsAnEmptyArrayAndANonArrayFailsWith4xx() {
    String yaml =
        BASE
            + """
            workflows:
              each:
                source: app
                steps:
                  - name: items
                    type: map
                    items_path: $.items
                    url: RECEIVER/item
                    retry: { max: 1 }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String missing = f.runOf(f.send("app", "x", "{}").eventId()).id();
      String empty = f.runOf(f.send("app", "x", "{\"items\":[]}").eventId()).id();
      String object = f.runOf(f.send("app", "x", "{\"items\":{\"a\":1}}").eventId()).id();

      assertThat(f.awaitRun(missing, RunStatus.COMPLETED).output()).isEqualTo("[]");
      assertThat(f.awaitRun(empty, RunStatus.COMPLETED).output()).isEqualTo("[]");
      assertThat(f.awaitRun(object, RunStatus.FAILED).error())
          .contains("\"class\":\"4xx\"")
          .contains("not an array");
      assertThat(f.receiver.requests()).isEmpty();
    }
  }
}
