package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import java.util.List;

/**
 * A run with its step executions (docs/reference/http-api.md, "RunDetail").
 *
 * @param steps every step, branch and item job of the run in execution order, with the input it
 *     acted on and the output it produced
 * @param definitionVersion the content hash of the workflow definition the run is pinned to
 */
public record RunDetail(WorkflowRun run, List<RunStep> steps, String definitionVersion) {
  public RunDetail {
    requireNonNull(run, "run");
    steps = List.copyOf(steps);
    requireNonNull(definitionVersion, "definitionVersion");
  }
}
