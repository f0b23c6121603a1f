package dev.qhook.internal.workflow;

import dev.qhook.config.ErrorClass;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.RunAdvance;

/**
 * Steps that wait for other jobs: parallel branches, map items, a callback, a child run. Not run
 * yet: validation refuses them, and a run pinned to one fails at the step.
 */
final class FanOut {
  RunAdvance.Builder execute(StepContext c) {
    WorkflowError error =
        WorkflowError.of(
            "step type " + c.step().type().label() + " is not supported yet",
            ErrorClass.CLIENT_ERROR,
            c.step().name(),
            c.job().id());
    return Transitions.stop(c, error, StepExecutor.noRequest(c));
  }
}
