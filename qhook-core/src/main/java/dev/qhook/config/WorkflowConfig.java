package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code workflows.<name>}. Refused by validation until the engine runs workflows.
 *
 * @param events event-type patterns; empty matches every type
 * @param timeout deadline of a whole run from its start, or null for none
 * @param params input checks applied when a run starts
 * @param steps at least one, in config order
 */
public record WorkflowConfig(
    String name,
    String source,
    List<String> events,
    @Nullable Duration timeout,
    List<WorkflowParam> params,
    List<Step> steps) {
  public WorkflowConfig {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    events = List.copyOf(events);
    params = List.copyOf(params);
    steps = List.copyOf(steps);
  }

  /** The step called {@code stepName}. */
  public Optional<Step> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /** The position of the step called {@code stepName} in {@link #steps()}, or -1. */
  public int indexOf(String stepName) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(stepName)) {
        return i;
      }
    }
    return -1;
  }
}
