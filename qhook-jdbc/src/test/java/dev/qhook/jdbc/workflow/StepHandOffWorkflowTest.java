package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step jobs a transition creates go straight to the workers while they have room and the
 * transition writer keeps up (docs/architecture.md, "Workflow runs"): stored leased, never claimed.
 */
class StepHandOffWorkflowTest {
  @TempDir Path dir;

  @Test
  void theNextStepsOfALoneRunAreHandedToTheWorkersWithoutAClaim() {
    String yaml =
        BASE
            + """
            workflows:
              three:
                source: app
                steps:
                  - { name: one, url: RECEIVER/one, result_path: $.one }
                  - { name: two, url: RECEIVER/two, result_path: $.two }
                  - { name: three, url: RECEIVER/three }
            """;
    InlineStepsWorkflowTest.Recording store =
        new InlineStepsWorkflowTest.Recording(
            JdbcStore.sqlite(dir.resolve("q.db"), 2, Clock.systemUTC()));
    try (WorkflowFixture f =
        WorkflowFixture.start(
            store, yaml, RecordingReceiver.start(), new ManualClock(WorkflowFixture.START))) {
      String run = f.runOf(f.send("app", "x", "{}").eventId()).id();

      f.awaitRun(run, RunStatus.COMPLETED);

      List<RunStep> steps = f.detail(run).steps();
      assertThat(steps)
          .extracting(s -> s.job().step().stepName())
          .containsExactly("one", "two", "three");
      assertThat(steps)
          .allSatisfy(
              s -> {
                assertThat(s.job().status()).isEqualTo(JobStatus.COMPLETED);
                assertThat(s.job().attempt()).isEqualTo(1);
              });
      assertThat(store.claimed).doesNotContain(steps.get(1).job().id(), steps.get(2).job().id());
      assertThat(f.receiver.requests()).hasSize(3);
    }
  }
}
