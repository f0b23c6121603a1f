package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A step of type {@code workflow}: runs another workflow with the step's input and takes its output
 * as the result.
 *
 * @param workflow the child workflow's name
 */
public record SubWorkflowStep(
    String name,
    @Nullable String input,
    String workflow,
    StepOutput output,
    FailurePolicy failure,
    StepFlow flow)
    implements FallibleStep {
  public SubWorkflowStep {
    requireNonNull(name, "name");
    requireNonNull(workflow, "workflow");
    requireNonNull(output, "output");
    requireNonNull(failure, "failure");
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.WORKFLOW;
  }
}
