package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * choice, wait, end and goto (docs/reference/configuration.md, "Workflows"); a wait is a job due at
 * the wake time, so time moves by the fixture's clock.
 */
class FlowControlWorkflowTest {
  @TempDir Path dir;

  static final String REMEDIATE =
      BASE
          + """
          workflows:
            remediate:
              source: app
              steps:
                - name: triage
                  type: choice
                  choices:
                    - condition: "$.severity == critical"
                      goto: restart
                    - when: "$.severity == warning"
                      goto: scale
                  default: notify
                - name: restart
                  url: RECEIVER/restart
                  goto: verify
                - name: scale
                  url: RECEIVER/scale
                  end: true
                - name: notify
                  url: RECEIVER/notify
                  end: true
                - name: verify
                  type: wait
                  seconds: 60
                - name: check
                  url: RECEIVER/check
            """;

  @Test
  void aChoiceGoesToTheFirstMatchingStepAndAWaitHoldsTheRunUntilItsTime() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, REMEDIATE)) {
      IngestResult result = f.send("app", "incident", "{\"severity\":\"critical\"}");
      String run = f.runOf(result.eventId()).id();

      f.awaitStep(run, "verify");
      assertThat(f.receiver.requests())
          .extracting(RecordedRequest::path)
          .containsExactly("/restart");
      RunStep waiting = f.detail(run).steps().get(2);
      assertThat(waiting.job().status()).isEqualTo(JobStatus.AVAILABLE);
      assertThat(waiting.job().scheduledAt()).isEqualTo(WorkflowFixture.START.plusSeconds(60));

      f.advance(Duration.ofSeconds(61));

      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);
      assertThat(f.receiver.requests())
          .extracting(RecordedRequest::path)
          .containsExactly("/restart", "/check");
      assertThat(f.detail(run).steps())
          .extracting(s -> s.job().step().stepName())
          .containsExactly("triage", "restart", "verify", "check");
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void theSecondConditionAndTheDefaultRouteWithTheChoicesInput() {
    try (WorkflowFixture f = WorkflowFixture.start(dir, REMEDIATE)) {
      String warning = f.runOf(f.send("app", "i", "{\"severity\":\"warning\"}").eventId()).id();
      String info = f.runOf(f.send("app", "i", "{\"severity\":\"info\"}").eventId()).id();

      f.awaitRun(warning, RunStatus.COMPLETED);
      f.awaitRun(info, RunStatus.COMPLETED);

      assertThat(f.receiver.requestsTo("/scale"))
          .singleElement()
          .satisfies(r -> assertThat(r.bodyText()).isEqualTo("{\"severity\":\"warning\"}"));
      assertThat(f.receiver.requestsTo("/notify")).hasSize(1);
      assertThat(f.receiver.requestsTo("/check")).isEmpty();
    }
  }

  @Test
  void aChoiceWithoutAMatchOrDefaultFailsTheRun() {
    String yaml =
        BASE
            + """
            workflows:
              pick:
                source: app
                steps:
                  - name: triage
                    type: choice
                    choices:
                      - { when: "$.ok", goto: yes }
                  - { name: yes, url: RECEIVER/yes }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String run = f.runOf(f.send("app", "x", "{\"ok\":false}").eventId()).id();

      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(failed.error())
          .contains("\"message\":\"no choice matched\"")
          .contains("\"class\":\"4xx\"")
          .contains("\"failed_step\":\"triage\"");
      assertThat(f.awaitAlert("workflow_failed")).isNotNull();
    }
  }

  @Test
  void aWaitUntilATimestampInThePastContinuesAtOnce() {
    String yaml =
        BASE
            + """
            workflows:
              later:
                source: app
                steps:
                  - { name: hold, type: wait, timestamp_path: $.at }
                  - { name: go, url: RECEIVER/go }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String past = f.runOf(f.send("app", "x", "{\"at\":\"2020-01-01T00:00:00Z\"}").eventId()).id();
      String future =
          f.runOf(f.send("app", "x", "{\"at\":\"2026-03-01T11:00:00Z\"}").eventId()).id();

      f.awaitRun(past, RunStatus.COMPLETED);
      assertThat(f.run(future).status()).isEqualTo(RunStatus.RUNNING);

      f.advance(Duration.ofHours(1));
      f.awaitRun(future, RunStatus.COMPLETED);
    }
  }
}
