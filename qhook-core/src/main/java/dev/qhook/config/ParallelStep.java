package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A step of type {@code parallel}: its input goes to every branch at once. */
public record ParallelStep(
    String name,
    @Nullable String input,
    List<Branch> branches,
    StepOutput output,
    FailurePolicy failure,
    StepFlow flow)
    implements FallibleStep {
  public ParallelStep {
    requireNonNull(name, "name");
    branches = List.copyOf(branches);
    requireNonNull(output, "output");
    requireNonNull(failure, "failure");
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.PARALLEL;
  }
}
