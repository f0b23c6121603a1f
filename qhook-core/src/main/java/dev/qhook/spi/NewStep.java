package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

/**
 * A step job to create, with the input it acts on.
 *
 * @param job a job of kind {@link JobKind#WORKFLOW_STEP} with its {@link NewJob#step()} set
 * @param input the step's input as JSON text (after its {@code input} template)
 * @param activation groups the jobs of one execution of a step: the step's own job and, for
 *     parallel and map steps, its branch and item jobs. The id of the step's own job.
 */
public record NewStep(NewJob job, String input, String activation) {
  public NewStep {
    requireNonNull(job, "job");
    if (job.step() == null || job.kind() != JobKind.WORKFLOW_STEP) {
      throw new IllegalArgumentException("job " + job.id() + " is not a workflow step job");
    }
    requireNonNull(input, "input");
    requireNonNull(activation, "activation");
  }

  /** A step executed by its own job alone: its activation is its job id. */
  public static NewStep single(NewJob job, String input) {
    return new NewStep(job, input, job.id());
  }

  public StepRef ref() {
    return requireNonNull(job.step());
  }
}
