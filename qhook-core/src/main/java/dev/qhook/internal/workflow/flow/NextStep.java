package dev.qhook.internal.workflow.flow;

import static java.util.Objects.requireNonNull;

/** Where a run goes after a step: it completes, or continues at a named step. */
public sealed interface NextStep {
  /** The run completes; the step's output is the run's output. */
  enum Complete implements NextStep {
    INSTANCE
  }

  /**
   * The run continues at step {@code step}.
   *
   * @param index its position in the workflow's {@code steps}
   */
  record Goto(String step, int index) implements NextStep {
    public Goto {
      requireNonNull(step, "step");
      if (index < 0) {
        throw new IllegalArgumentException("index must be >= 0, was " + index);
      }
    }
  }
}
