package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.IngestResult;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure handling in its order (docs/reference/configuration.md, "Failure handling"): retry by
 * class, the first matching catch with the failed step's input and the error object, on_failure:
 * continue, then stop (job dead, run failed, dlq and workflow_failed alerts); params checks.
 */
class FailureWorkflowTest {
  @TempDir Path dir;

  @Test
  void aStepIsRetriedThenStopsTheRunWithTheErrorObject() {
    String yaml =
        BASE
            + """
            workflows:
              pay:
                source: app
                steps:
                  - name: charge
                    url: RECEIVER/charge
                  - { name: never, url: RECEIVER/never }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondByDefault(Response.status(503));
      String run = f.runOf(f.send("app", "p", "{\"n\":1}").eventId()).id();
      f.receiver.awaitRequests(1, WorkflowFixture.WAIT);

      f.advance(Duration.ofSeconds(2)); // the fixed 1 s retry interval
      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(f.receiver.requestsTo("/charge")).hasSize(2);
      assertThat(f.receiver.requestsTo("/never")).isEmpty();
      RunStep charge = f.detail(run).steps().get(0);
      assertThat(charge.job().status()).isEqualTo(JobStatus.DEAD);
      assertThat(charge.job().attempt()).isEqualTo(2);
      assertThat(failed.error())
          .isEqualTo(
              "{\"message\":\"HTTP 503\",\"class\":\"5xx\",\"failed_step\":\"charge\","
                  + "\"job_id\":\""
                  + charge.job().id()
                  + "\",\"status_code\":503}");
      assertThat(charge.error()).isEqualTo(failed.error());
      Alert dlq = f.awaitAlert("dlq");
      assertThat(dlq).isNotNull();
      assertThat(dlq.fields()).containsEntry("handler", "pay/charge");
      Alert workflowFailed = f.awaitAlert("workflow_failed");
      assertThat(workflowFailed).isNotNull();
      assertThat(workflowFailed.fields())
          .containsEntry("workflow", "pay")
          .containsEntry("run_id", run)
          .containsEntry("step", "charge")
          .containsEntry("error", "HTTP 503");
    }
  }

  @Test
  void aClassOutsideRetryErrorsIsNotRetried() {
    String yaml =
        BASE
            + """
            workflows:
              pay:
                source: app
                steps:
                  - name: charge
                    url: RECEIVER/charge
                    retry: { max: 5, errors: [5xx] }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondByDefault(Response.status(422));
      String run = f.runOf(f.send("app", "p", "{}").eventId()).id();

      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(f.receiver.requestsTo("/charge")).hasSize(1);
      assertThat(failed.error()).contains("\"class\":\"4xx\"").contains("\"status_code\":422");
    }
  }

  @Test
  void aCatchGoesToItsStepWithTheFailedStepsInputAndTheError() {
    String yaml =
        BASE
            + """
            workflows:
              order:
                source: app
                steps:
                  - name: reserve
                    url: RECEIVER/reserve
                    result_path: $.reservation
                  - name: charge
                    url: RECEIVER/charge
                    input: '{"amount": {{ $.total }}}'
                    retry: { max: 1 }
                    catch:
                      - { errors: [timeout], goto: never }
                      - { errors: [5xx], goto: rollback, result_path: $.failure }
                  - { name: done, url: RECEIVER/done, end: true }
                  - { name: never, url: RECEIVER/never, end: true }
                  - { name: rollback, url: RECEIVER/rollback }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(HttpWorkflowTest.json("{\"id\":7}")).respondWith(Response.status(500));
      String run = f.runOf(f.send("app", "o", "{\"total\":5}").eventId()).id();

      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

      String rollback = f.receiver.requestsTo("/rollback").get(0).bodyText();
      assertThat(rollback)
          .startsWith("{\"amount\":5,\"failure\":{\"message\":\"HTTP 500\",\"class\":\"5xx\"")
          .contains("\"failed_step\":\"charge\"");
      assertThat(f.receiver.requestsTo("/done")).isEmpty();
      assertThat(f.receiver.requestsTo("/never")).isEmpty();
      RunStep charge = f.detail(run).steps().get(1);
      assertThat(charge.job().status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(charge.job().lastError()).isEqualTo("HTTP 500");
      assertThat(charge.error()).contains("HTTP 500");
      assertThat(f.alert("dlq")).isNull();
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void onFailureContinuePassesTheInputWithTheErrorToTheNextStep() {
    String yaml =
        BASE
            + """
            workflows:
              notify:
                source: app
                steps:
                  - name: optional
                    url: RECEIVER/optional
                    retry: { max: 1 }
                    on_failure: continue
                    result_path: $.ignored
                  - { name: next, url: RECEIVER/next }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(Response.status(404));
      String run = f.runOf(f.send("app", "n", "{\"a\":1}").eventId()).id();

      f.awaitRun(run, RunStatus.COMPLETED);

      assertThat(f.receiver.requestsTo("/next").get(0).bodyText())
          .startsWith("{\"a\":1,\"error\":{\"message\":\"HTTP 404\",\"class\":\"4xx\"");
    }
  }

  @Test
  void failedParamsRecordTheRunFailedButAcceptTheEvent() {
    String yaml =
        BASE
            + """
            handlers:
              audit: { source: app, url: RECEIVER/audit }
            workflows:
              provision:
                source: app
                params:
                  - { name: tenant_id }
                  - { name: seats, type: number, required: false }
                steps:
                  - { name: create, url: RECEIVER/create }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      IngestResult result = f.send("app", "t", "{\"seats\":3}");

      assertThat(result.jobsCreated()).isEqualTo(1);
      assertThat(result.workflowRunsStarted()).isEqualTo(1);
      WorkflowRun run = f.runOf(result.eventId());
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.error())
          .isEqualTo(
              "{\"message\":\"params: missing required 'tenant_id'\",\"class\":\"4xx\","
                  + "\"failed_step\":null,\"job_id\":null}");
      assertThat(f.detail(run.id()).steps()).isEmpty();
      f.receiver.awaitRequests(1, WorkflowFixture.WAIT);
      assertThat(f.receiver.requestsTo("/create")).isEmpty();
      assertThat(f.awaitAlert("workflow_failed")).isNotNull();
      assertThat(f.alert("workflow_failed").fields())
          .containsAllEntriesOf(Map.of("workflow", "provision", "run_id", run.id()));
    }
  }
}
