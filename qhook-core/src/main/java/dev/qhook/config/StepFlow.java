package dev.qhook.config;

import org.jspecify.annotations.Nullable;

/**
 * Where a run goes after a step succeeds: {@code end: true} completes the run, {@code goto} names
 * the next step, otherwise the next step in list order. The two are mutually exclusive.
 *
 * @param end whether the run completes after this step
 * @param next the step named by {@code goto}, or null
 */
public record StepFlow(boolean end, @Nullable String next) {
  /** Neither {@code end} nor {@code goto}: continue in list order. */
  public static final StepFlow IN_ORDER = new StepFlow(false, null);

  public StepFlow {
    if (end && next != null) {
      throw new IllegalArgumentException("'end' and 'goto' are mutually exclusive");
    }
  }
}
