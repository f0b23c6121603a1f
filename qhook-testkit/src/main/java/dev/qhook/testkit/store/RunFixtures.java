package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.nextId;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.StepRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Test data for the run contract: runs of workflow {@code wf}, steps with 3 attempts. */
public final class RunFixtures {
  /** The definition every fixture run is pinned to. */
  public static final NewRun.Definition DEFINITION =
      new NewRun.Definition("sha256:abc", "{\"name\":\"wf\",\"steps\":[]}");

  private RunFixtures() {}

  /** A step job of run {@code runId}, due at {@code at}. */
  public static NewStep step(String runId, String stepName, int index, Instant at) {
    NewJob job =
        NewJob.step(
            nextId('J'),
            "wf/" + stepName,
            "http://localhost:9/" + stepName,
            3,
            at,
            new StepRef(runId, stepName, index, null));
    return NewStep.single(job, "{\"step\":\"" + stepName + "\"}");
  }

  /** A branch job of the activation {@code activation}. */
  public static NewStep branch(
      String runId, String stepName, String branch, String activation, Instant at) {
    NewJob job =
        NewJob.step(
            nextId('J'), "wf/" + stepName, null, 3, at, new StepRef(runId, stepName, 0, branch));
    return new NewStep(job, "{}", activation);
  }

  /** A running run whose first step is {@code first}. */
  public static NewRun running(String runId, NewStep first, @Nullable Instant deadline) {
    return new NewRun(
        runId, "wf", DEFINITION, RunStatus.RUNNING, null, null, "{\"a\":1}", null, deadline, first);
  }

  /** A run of the child workflow, started by the step job {@code parentJobId}. */
  public static NewRun child(String runId, String parentRunId, String parentJobId, NewStep first) {
    return new NewRun(
        runId,
        "child",
        DEFINITION,
        RunStatus.RUNNING,
        parentRunId,
        parentJobId,
        "{}",
        null,
        null,
        first);
  }

  /** A run that failed its params check: no step. */
  public static NewRun failedAtStart(String runId) {
    return new NewRun(
        runId,
        "wf",
        DEFINITION,
        RunStatus.FAILED,
        null,
        null,
        "[]",
        "{\"class\":\"4xx\"}",
        null,
        null);
  }

  public static String runId() {
    return nextId('R');
  }

  public static AttemptRecord noRequest(int attempt, Instant at) {
    return new AttemptRecord(attempt, null, null, 0, at, null);
  }
}
