package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

/** A step job's run and step record, read when a worker executes the job. */
public record StepState(WorkflowRun run, RunStep step) {
  public StepState {
    requireNonNull(run, "run");
    requireNonNull(step, "step");
  }
}
