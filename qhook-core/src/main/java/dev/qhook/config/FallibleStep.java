package dev.qhook.config;

/** A step that produces a result and can fail (http, parallel, map, callback, workflow). */
public sealed interface FallibleStep extends SequentialStep
    permits HttpStep, ParallelStep, MapStep, CallbackStep, SubWorkflowStep {
  /** {@code result_path} and {@code output}. */
  StepOutput output();

  /** {@code retry}, {@code catch}, {@code on_failure} and {@code timeout}. */
  FailurePolicy failure();
}
