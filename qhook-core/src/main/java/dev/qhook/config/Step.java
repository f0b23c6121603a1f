package dev.qhook.config;

import org.jspecify.annotations.Nullable;

/**
 * One step of a workflow. The hierarchy mirrors which keys a step type has: a {@link ChoiceStep}
 * only branches; a {@link SequentialStep} also has {@code end}/{@code goto}; a {@link FallibleStep}
 * also has {@code retry}, {@code catch}, {@code on_failure}, {@code timeout}, {@code result_path}
 * and {@code output}.
 */
public sealed interface Step permits ChoiceStep, SequentialStep {
  /** Unique within the workflow. */
  String name();

  StepType type();

  /** Template applied to the step's incoming payload, or null to pass it unchanged. */
  @Nullable String input();
}
