package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.Choice;
import dev.qhook.config.ChoiceStep;
import dev.qhook.internal.expr.Filter;
import java.util.Optional;

/**
 * Where a choice step goes (docs/reference/configuration.md, "Step types"): the {@code goto} of the
 * first choice whose {@code when} (alias {@code condition}) holds on the step's input, else {@code
 * default}; with neither the run fails ("no choice matched", not catchable). The target receives
 * the choice's input.
 */
public final class Choices {
  private static final ParseCache<Filter> FILTERS = new ParseCache<>(Filter::parse);

  private Choices() {}

  /** The next step's name, or empty when nothing matched and there is no default. */
  public static Optional<String> next(ChoiceStep step, JsonNode input) {
    for (Choice choice : step.choices()) {
      if (FILTERS.get(choice.when()).test(input)) {
        return Optional.of(choice.next());
      }
    }
    return Optional.ofNullable(step.defaultStep());
  }
}
