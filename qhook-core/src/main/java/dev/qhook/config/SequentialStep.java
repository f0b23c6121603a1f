package dev.qhook.config;

/** A step that continues by {@code end}, {@code goto} or list order when it succeeds. */
public sealed interface SequentialStep extends Step permits WaitStep, FallibleStep {
  StepFlow flow();
}
