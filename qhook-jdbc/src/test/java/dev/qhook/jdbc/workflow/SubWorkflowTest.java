package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.RunOperation;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow steps (docs/reference/configuration.md, "Sub-workflows"): child runs with parent_run_id,
 * the child's output as the step's result, child failure, deadline and cancel propagation.
 */
class SubWorkflowTest {
  @TempDir Path dir;

  static final String YAML =
      BASE
          + """
          workflows:
            parent:
              source: app
              events: [start]
              timeout: 1h
              steps:
                - { name: call-child, type: workflow, workflow: child, result_path: $.child, timeout: 2m, retry: { max: 1 } }
                - { name: after, url: RECEIVER/after, result_path: null }
            child:
              source: app
              events: [never]
              timeout: 5h
              steps:
                - { name: work, url: RECEIVER/work, retry: { max: 1 } }
          """;

  @Test
  void aChildRunsWithTheStepsInputAndItsOutputIsTheResult() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, YAML)) {
      f.receiver.respondWith(HttpWorkflowTest.json("{\"built\":true}"));
      String parent = f.runOf(f.send("app", "start", "{\"p\":1}").eventId()).id();

      WorkflowRun done = f.awaitRun(parent, RunStatus.COMPLETED);

      List<WorkflowRun> children = f.qhook.workflowRuns().runs(RunQuery.childrenOf(parent)).items();
      assertThat(children)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.workflow()).isEqualTo("child");
                assertThat(c.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(c.deadline()).isEqualTo(WorkflowFixture.START.plusSeconds(120));
              });
      assertThat(f.receiver.requestsTo("/work").get(0).bodyText()).isEqualTo("{\"p\":1}");
      assertThat(f.receiver.requestsTo("/after").get(0).bodyText())
          .isEqualTo("{\"p\":1,\"child\":{\"built\":true}}");
      assertThat(done.output()).isEqualTo("{\"p\":1,\"child\":{\"built\":true}}");
    }
  }

  @Test
  void aFailedChildFailsTheParentStepWithTheChildsClass() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, YAML)) {
      f.receiver.respondByDefault(Response.status(502));
      String parent = f.runOf(f.send("app", "start", "{}").eventId()).id();

      WorkflowRun failed = f.awaitRun(parent, RunStatus.FAILED);

      assertThat(failed.error())
          .contains("\"message\":\"sub-workflow 'child' failed: HTTP 502\"")
          .contains("\"class\":\"5xx\"")
          .contains("\"failed_step\":\"call-child\"");
      assertThat(f.receiver.requestsTo("/after")).isEmpty();
    }
  }

  @Test
  void cancellingTheParentCancelsTheRunningChild() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, YAML)) {
      f.receiver.respondByDefault(
          new Response(200, java.util.Map.of(), "{}", java.time.Duration.ofSeconds(3)));
      String parent = f.runOf(f.send("app", "start", "{}").eventId()).id();
      Awaitility.await()
          .atMost(WorkflowFixture.WAIT)
          .until(() -> !f.qhook.workflowRuns().runs(RunQuery.childrenOf(parent)).items().isEmpty());

      assertThat(f.qhook.workflowRuns().cancel(parent))
          .isEqualTo(new RunOperation.Applied(parent, RunStatus.CANCELLED, null));

      WorkflowRun child = f.qhook.workflowRuns().runs(RunQuery.childrenOf(parent)).items().get(0);
      assertThat(child.status()).isEqualTo(RunStatus.CANCELLED);
      Awaitility.await()
          .pollDelay(java.time.Duration.ofSeconds(4))
          .atMost(WorkflowFixture.WAIT)
          .until(() -> true);
      assertThat(f.run(parent).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(f.receiver.requestsTo("/after")).isEmpty();
    }
  }
}
