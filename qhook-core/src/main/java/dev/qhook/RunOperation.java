package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.spi.RunStatus;
import org.jspecify.annotations.Nullable;

/** What {@link WorkflowRuns#cancel} or {@link WorkflowRuns#redrive} did. */
public sealed interface RunOperation {
  String runId();

  /**
   * Done: the run's new status, and for a redrive the step that runs again ({@code {"id", "status",
   * "step"}}).
   */
  record Applied(String runId, RunStatus status, @Nullable String step) implements RunOperation {
    public Applied {
      requireNonNull(runId, "runId");
      requireNonNull(status, "status");
    }
  }

  /** No run has this id (404). */
  record NotFound(String runId) implements RunOperation {}

  /** The run's state forbids the operation (409), with the reason. */
  record Conflict(String runId, String message) implements RunOperation {}
}
