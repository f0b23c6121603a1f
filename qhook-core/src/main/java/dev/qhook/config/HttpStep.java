package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** A step of type {@code http}: one HTTP call. */
public record HttpStep(
    String name,
    @Nullable String input,
    HttpCall call,
    StepOutput output,
    FailurePolicy failure,
    StepFlow flow)
    implements FallibleStep {
  public HttpStep {
    requireNonNull(name, "name");
    requireNonNull(call, "call");
    requireNonNull(output, "output");
    requireNonNull(failure, "failure");
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.HTTP;
  }
}
