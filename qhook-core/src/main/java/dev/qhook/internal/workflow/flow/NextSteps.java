package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.SequentialStep;
import dev.qhook.config.WorkflowConfig;
import java.util.Optional;

/**
 * Where a run goes next (docs/reference/configuration.md, "Workflows"): it starts at the first
 * step; after a step succeeds {@code end: true} completes the run, else {@code goto} names the next
 * step, else the next step in list order; after the last step the run completes.
 */
public final class NextSteps {
  private NextSteps() {}

  /** The first step of the workflow. */
  public static NextStep.Goto first(WorkflowConfig workflow) {
    if (workflow.steps().isEmpty()) {
      throw new IllegalArgumentException("workflow '" + workflow.name() + "' has no steps");
    }
    return new NextStep.Goto(workflow.steps().get(0).name(), 0);
  }

  /**
   * After {@code step} succeeded (or failed with {@code on_failure: continue}).
   *
   * @throws IllegalArgumentException when the step or its {@code goto} is not in the workflow (a
   *     validated config never has that)
   */
  public static NextStep afterSuccess(WorkflowConfig workflow, SequentialStep step) {
    if (step.flow().end()) {
      return NextStep.Complete.INSTANCE;
    }
    String next = step.flow().next();
    if (next != null) {
      return to(workflow, next);
    }
    int index = indexOf(workflow, step.name());
    if (index + 1 >= workflow.steps().size()) {
      return NextStep.Complete.INSTANCE;
    }
    return new NextStep.Goto(workflow.steps().get(index + 1).name(), index + 1);
  }

  /** After a choice step: its target, or empty when nothing matched and there is no default. */
  public static Optional<NextStep.Goto> afterChoice(
      WorkflowConfig workflow, ChoiceStep step, JsonNode input) {
    return Choices.next(step, input).map(name -> to(workflow, name));
  }

  /** The step called {@code name} as a {@link NextStep.Goto}. */
  public static NextStep.Goto to(WorkflowConfig workflow, String name) {
    return new NextStep.Goto(name, indexOf(workflow, name));
  }

  private static int indexOf(WorkflowConfig workflow, String name) {
    int index = workflow.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "workflow '" + workflow.name() + "' has no step '" + name + "'");
    }
    return index;
  }
}
