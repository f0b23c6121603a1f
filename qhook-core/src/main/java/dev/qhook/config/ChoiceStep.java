package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A step of type {@code choice}: the first choice whose condition holds names the next step, else
 * {@code default}; with neither the run fails.
 *
 * @param choices at least one, in order
 * @param defaultStep the step named by {@code default}, or null
 */
public record ChoiceStep(
    String name, @Nullable String input, List<Choice> choices, @Nullable String defaultStep)
    implements Step {
  public ChoiceStep {
    requireNonNull(name, "name");
    choices = List.copyOf(choices);
  }

  @Override
  public StepType type() {
    return StepType.CHOICE;
  }
}
