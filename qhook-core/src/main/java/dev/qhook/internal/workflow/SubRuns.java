package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.RunDeadlines;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Workflow steps (docs/reference/configuration.md, "Sub-workflows"): the step's job starts a child
 * run with the step's input in the same transaction and waits; the child's end wakes it with the
 * outcome. The child's deadline is the earliest of its own timeout, the step's timeout and the
 * parent's deadline. A failed child fails the step with the child's class; a retry starts a new
 * child run.
 */
final class SubRuns {
  private final WorkflowCatalog catalog;
  private final RunStarter starter;
  private final Transitions transitions;

  SubRuns(WorkflowCatalog catalog, RunStarter starter, Transitions transitions) {
    this.catalog = catalog;
    this.starter = starter;
    this.transitions = transitions;
  }

  RunAdvance.Builder execute(StepContext c, SubWorkflowStep step, @Nullable JsonNode resume) {
    AttemptRecord none = StepExecutor.noRequest(c);
    if (resume != null && resume.has("child_status")) {
      String status = resume.path("child_status").asText();
      if (RunStatus.COMPLETED.label().equals(status)) {
        JsonNode output = DataFlow.output(step, c.input(), resume.path("output"));
        return transitions.succeeded(c, step, output, none);
      }
      WorkflowError child =
          WorkflowError.fromJson(resume.get("error"))
              .orElse(WorkflowError.of("run " + status, ErrorClass.SERVER_ERROR, null, null));
      return transitions.failed(
          c,
          step,
          WorkflowError.childFailed(step.workflow(), child, step.name(), c.job().id()),
          none,
          null);
    }
    Optional<WorkflowCatalog.Entry> entry = catalog.current(step.workflow());
    if (entry.isEmpty()) {
      WorkflowError missing =
          WorkflowError.of(
              "sub-workflow '" + step.workflow() + "' is no longer configured",
              ErrorClass.CLIENT_ERROR,
              step.name(),
              c.job().id());
      return transitions.failed(c, step, missing, none, null);
    }
    java.time.Instant deadline =
        RunDeadlines.child(
                c.now(),
                entry.get().config().timeout(),
                step.failure().timeout(),
                c.run().deadline())
            .orElse(null);
    NewRun child =
        starter.start(entry.get(), c.input(), c.now(), c.runId(), c.job().id(), deadline);
    if (child.status() == RunStatus.FAILED) {
      WorkflowError refused =
          WorkflowError.fromJsonText(String.valueOf(child.error()))
              .orElse(WorkflowError.params("params check failed"));
      return transitions.failed(
          c,
          step,
          WorkflowError.childFailed(step.workflow(), refused, step.name(), c.job().id()),
          none,
          null);
    }
    return Transitions.of(c, new Completion.Succeeded(c.job().id(), c.job().attempt(), none))
        .waits(null, null)
        .childRun(child);
  }
}
