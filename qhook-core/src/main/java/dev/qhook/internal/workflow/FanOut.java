package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.spi.RunAdvance;
import java.util.Map;
import java.util.Optional;

/**
 * Steps whose job waits to be woken: parallel branches and map items (a join), a callback, a child
 * run. {@link dev.qhook.spi.RunStep#resume()} says what woke the job; null on its first execution.
 */
final class FanOut {
  private final Branches branches;
  private final Callbacks callbacks;
  private final SubRuns subRuns;

  FanOut(Branches branches, Callbacks callbacks, SubRuns subRuns) {
    this.branches = branches;
    this.callbacks = callbacks;
    this.subRuns = subRuns;
  }

  /** See {@link Branches#joinedInline}. */
  Optional<InlineSteps.Executed> joinedInline(StepContext c, Map<String, String> results) {
    return branches.joinedInline(c, results);
  }

  RunAdvance.Builder execute(StepContext c) {
    String resumeText = c.record().resume();
    JsonNode resume = resumeText == null ? null : StepResults.result(resumeText);
    if (c.step() instanceof CallbackStep callback) {
      return callbacks.execute(c, callback, resume);
    }
    if (c.step() instanceof SubWorkflowStep sub) {
      return subRuns.execute(c, sub, resume);
    }
    FallibleStep step = (FallibleStep) c.step();
    if (!(step instanceof ParallelStep) && !(step instanceof MapStep)) {
      throw new IllegalStateException("not a fan-out step: " + step.type().label());
    }
    if (c.ref().branch() != null) {
      return branches.branch(c, step);
    }
    return branches.step(c, step, resume != null && resume.path("joined").asBoolean());
  }
}
