package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a job of kind {@link JobKind#WORKFLOW_STEP} executes: one step, parallel branch or map item
 * of a workflow run (docs/reference/http-api.md, "Workflow runs").
 *
 * @param runId the run
 * @param stepName the step's name; the job's target is {@code <workflow>/<step>}
 * @param stepIndex the step's position in the workflow's step list, from 0
 * @param branch the parallel branch name or the map item index, null for the step itself
 */
public record StepRef(String runId, String stepName, int stepIndex, @Nullable String branch) {
  public StepRef {
    requireNonNull(runId, "runId");
    requireNonNull(stepName, "stepName");
    if (stepIndex < 0) {
      throw new IllegalArgumentException("stepIndex must be >= 0, was " + stepIndex);
    }
  }
}
