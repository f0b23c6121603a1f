package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.RunOperation;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run deadlines, cancel, redrive (docs/reference/http-api.md, "Workflow runs"), the step payload
 * limit and runs pinned to the definition they started with.
 */
class RunOperationsTest {
  @TempDir Path dir;

  static final String HOLD =
      BASE
          + """
          workflows:
            hold:
              source: app
              timeout: 10s
              steps:
                - { name: pause, type: wait, seconds: 3600 }
                - { name: after, url: RECEIVER/after }
          """;

  @Test
  void aRunPastItsDeadlineFailsWhileItWaitsAndItsJobIsCancelled() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, HOLD)) {
      WorkflowRun run = f.runOf(f.send("app", "h", "{}").eventId());
      assertThat(run.deadline()).isEqualTo(WorkflowFixture.START.plusSeconds(10));

      f.advance(Duration.ofSeconds(11));
      WorkflowRun failed = f.awaitRun(run.id(), RunStatus.FAILED);

      assertThat(failed.error())
          .isEqualTo(
              "{\"message\":\"workflow timeout\",\"class\":\"timeout\",\"failed_step\":\"pause\","
                  + "\"job_id\":null}");
      assertThat(f.detail(run.id()).steps())
          .singleElement()
          .satisfies(s -> assertThat(s.job().status()).isEqualTo(JobStatus.CANCELLED));
      assertThat(f.awaitAlert("workflow_failed")).isNotNull();
      f.advance(Duration.ofHours(2));
      assertThat(f.receiver.requests()).isEmpty();
    }
  }

  @Test
  void aRedriveAfterTheDeadlineRunsTheStepAgainUnderANewDeadline() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, HOLD)) {
      String run = f.runOf(f.send("app", "h", "{\"k\":1}").eventId()).id();
      f.advance(Duration.ofSeconds(11));
      f.awaitRun(run, RunStatus.FAILED);

      RunOperation redriven = f.qhook.workflowRuns().redrive(run);

      assertThat(redriven).isEqualTo(new RunOperation.Applied(run, RunStatus.RUNNING, "pause"));
      WorkflowRun again = f.run(run);
      assertThat(again.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(again.error()).isNull();
      assertThat(again.deadline()).isEqualTo(WorkflowFixture.START.plusSeconds(21));
      RunStep pause = f.detail(run).steps().get(1);
      assertThat(pause.input()).isEqualTo("{\"k\":1}");
      assertThat(pause.job().scheduledAt()).isEqualTo(WorkflowFixture.START.plusSeconds(3611));
    }
  }

  @Test
  void aFailedStepIsRedrivenFromItsRecordedInputWithFreshAttempts() {
    String yaml =
        BASE
            + """
            workflows:
              pay:
                source: app
                steps:
                  - { name: charge, url: RECEIVER/charge, retry: { max: 1 }, input: '{"x": 1}' }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(Response.status(503));
      String run = f.runOf(f.send("app", "p", "{}").eventId()).id();
      f.awaitRun(run, RunStatus.FAILED);

      assertThat(f.qhook.workflowRuns().redrive(run))
          .isEqualTo(new RunOperation.Applied(run, RunStatus.RUNNING, "charge"));
      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

      assertThat(f.receiver.requestsTo("/charge"))
          .extracting(RecordingReceiver.RecordedRequest::bodyText)
          .containsExactly("{\"x\":1}", "{\"x\":1}");
      assertThat(f.detail(run).steps())
          .extracting(s -> s.job().status())
          .containsExactly(JobStatus.DEAD, JobStatus.COMPLETED);
      assertThat(f.qhook.workflowRuns().redrive(run)).isInstanceOf(RunOperation.Conflict.class);
      assertThat(done.error()).isNull();
      assertThat(f.qhook.workflowRuns().redrive("01UNKNOWN"))
          .isEqualTo(new RunOperation.NotFound("01UNKNOWN"));
    }
  }

  @Test
  void aCancelledRunCancelsItsPendingJobAndIgnoresLaterEvents() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, HOLD)) {
      String run = f.runOf(f.send("app", "h", "{}").eventId()).id();

      assertThat(f.qhook.workflowRuns().cancel(run))
          .isEqualTo(new RunOperation.Applied(run, RunStatus.CANCELLED, null));

      assertThat(f.run(run).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(f.detail(run).steps().get(0).job().status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.qhook.workflowRuns().cancel(run)).isInstanceOf(RunOperation.Conflict.class);
      assertThat(f.qhook.workflowRuns().redrive(run)).isInstanceOf(RunOperation.Conflict.class);
      f.advance(Duration.ofHours(2));
      assertThat(f.qhook.workflowRuns().countByStatus()).containsEntry(RunStatus.CANCELLED, 1L);
    }
  }

  @Test
  void aResponseArrivingAfterTheRunWasCancelledIsIgnored() {
    String yaml =
        BASE
            + """
            workflows:
              slow:
                source: app
                steps:
                  - { name: call, url: RECEIVER/call }
                  - { name: next, url: RECEIVER/next }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(new Response(200, Map.of(), "{}", Duration.ofSeconds(2)));
      String run = f.runOf(f.send("app", "s", "{}").eventId()).id();
      f.receiver.awaitRequests(1, WorkflowFixture.WAIT);

      assertThat(f.qhook.workflowRuns().cancel(run)).isInstanceOf(RunOperation.Applied.class);

      Awaitility.await()
          .pollDelay(Duration.ofSeconds(3))
          .atMost(WorkflowFixture.WAIT)
          .until(() -> true);
      assertThat(f.run(run).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(f.detail(run).steps())
          .singleElement()
          .satisfies(s -> assertThat(s.job().status()).isEqualTo(JobStatus.CANCELLED));
      assertThat(f.receiver.requestsTo("/next")).isEmpty();
    }
  }

  @Test
  void aStepOutputOverThePayloadLimitFailsTheStepWithClass4xx() {
    String yaml =
        BASE
            + """
            workflows:
              big:
                source: app
                steps:
                  - { name: fetch, url: RECEIVER/fetch, retry: { max: 3, errors: [5xx] } }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String body = "\"" + "x".repeat(300 * 1024) + "\"";
      f.receiver.respondWith(new Response(200, Map.of(), body, Duration.ZERO));
      String run = f.runOf(f.send("app", "b", "{}").eventId()).id();

      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(failed.error())
          .contains("\"class\":\"4xx\"")
          .contains(
              "the output of step 'fetch' is 307202 bytes, over the step payload limit of"
                  + " 262144 bytes");
      assertThat(f.receiver.requestsTo("/fetch")).hasSize(1);
    }
  }

  @Test
  void aRunKeepsTheDefinitionItStartedWithAcrossARestartWithNewYaml() {
    String v1 = HOLD.replace("timeout: 10s", "").replace("RECEIVER/after", "RECEIVER/v1");
    String v2 = v1.replace("RECEIVER/v1", "RECEIVER/v2");
    RecordingReceiver receiver = RecordingReceiver.start();
    WorkflowFixture first =
        WorkflowFixture.start(
            dir, v1, receiver, new dev.qhook.testkit.ManualClock(WorkflowFixture.START));
    String old = first.runOf(first.send("app", "h", "{}").eventId()).id();
    first.stopEngine();

    try (WorkflowFixture f = WorkflowFixture.start(dir, v2, receiver, first.clock)) {
      String fresh = f.runOf(f.send("app", "h", "{}").eventId()).id();
      assertThat(f.run(fresh).definitionHash()).isNotEqualTo(f.run(old).definitionHash());

      f.advance(Duration.ofSeconds(3601));

      f.awaitRun(old, RunStatus.COMPLETED);
      f.awaitRun(fresh, RunStatus.COMPLETED);
      Awaitility.await().atMost(WorkflowFixture.WAIT).until(() -> receiver.requests().size() == 2);
      assertThat(receiver.requestsTo("/v1")).hasSize(1);
      assertThat(receiver.requestsTo("/v2")).hasSize(1);
    }
  }
}
