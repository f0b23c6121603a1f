package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.store.RunFixtures;
import dev.qhook.testkit.store.StoreFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lost step jobs and the configured step payload limit. */
class RecoveryWorkflowTest {
  @TempDir Path dir;

  @Test
  void aStepJobLostOnItsFinalAttemptFailsItsRunAtTheNextStart() {
    String runId = RunFixtures.runId();
    Instant t = WorkflowFixture.START;
    try (JdbcStore store = JdbcStore.sqlite(dir.resolve("qhook.db"), 1, Clock.systemUTC())) {
      store.migrate();
      NewStep first = RunFixtures.step(runId, "first", 0, t);
      Event event = StoreFixtures.event(t);
      store.append(
          List.of(
              new NewEvent(event, List.of(), List.of(RunFixtures.running(runId, first, null)))));
      for (int attempt = 1; attempt <= 3; attempt++) {
        Instant at = t.plusSeconds(10L * attempt);
        assertThat(
                store.claim(
                    new ClaimRequest(
                        at, 10, at.plusSeconds(1), Set.of(JobKind.WORKFLOW_STEP), Map.of())))
            .hasSize(1);
        if (attempt < 3) {
          store.recoverLost(at.plusSeconds(2), at);
        }
      }
    }
    String yaml =
        BASE + "workflows:\n  wf: { source: app, steps: [{ name: first, url: RECEIVER/x }] }\n";

    try (WorkflowFixture f =
        WorkflowFixture.start(
            dir, yaml, RecordingReceiver.start(), new ManualClock(t.plusSeconds(60)))) {
      WorkflowRun failed = f.awaitRun(runId, RunStatus.FAILED);

      assertThat(failed.error())
          .contains("\"message\":\"worker lost during final attempt\"")
          .contains("\"class\":\"timeout\"");
      assertThat(f.awaitAlert("workflow_failed")).isNotNull();
    }
  }

  @Test
  void theStepPayloadLimitIsConfigurable() {
    String yaml =
        BASE.replace("delivery:\n", "delivery:\n  max_step_payload: 64\n")
            + "workflows:\n  wf: { source: app, steps: [{ name: first, url: RECEIVER/x }] }\n";
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String small = f.runOf(f.send("app", "x", "{\"a\":1}").eventId()).id();
      WorkflowRun big =
          f.runOf(f.send("app", "x", "{\"a\":\"" + "y".repeat(100) + "\"}").eventId());

      assertThat(big.status()).isEqualTo(RunStatus.FAILED);
      assertThat(big.error())
          .contains("\"class\":\"4xx\"")
          .contains("over the step payload limit of 64 bytes");
      f.awaitRun(small, RunStatus.COMPLETED);
    }
  }
}
