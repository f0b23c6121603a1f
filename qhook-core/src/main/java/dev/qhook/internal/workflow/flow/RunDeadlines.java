package dev.qhook.internal.workflow.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Run deadlines (docs/reference/configuration.md, "Timeouts", "Sub-workflows"): a workflow's {@code
 * timeout} sets its run's deadline at start; a child run's deadline is the earliest of its own
 * {@code timeout}, the parent step's {@code timeout} and the parent's remaining deadline. A run is
 * past its deadline from that instant on.
 */
public final class RunDeadlines {
  private RunDeadlines() {}

  /** The deadline of a run started at {@code now}; empty without a {@code timeout}. */
  public static Optional<Instant> start(Instant now, @Nullable Duration timeout) {
    return Optional.ofNullable(timeout).map(now::plus);
  }

  /**
   * The deadline of a child run started at {@code now}: the earliest of {@code now + childTimeout},
   * {@code now + parentStepTimeout} and {@code parentDeadline}; empty when none is set.
   */
  public static Optional<Instant> child(
      Instant now,
      @Nullable Duration childTimeout,
      @Nullable Duration parentStepTimeout,
      @Nullable Instant parentDeadline) {
    Instant own = start(now, childTimeout).orElse(null);
    Instant step = start(now, parentStepTimeout).orElse(null);
    return Optional.ofNullable(earliest(earliest(own, step), parentDeadline));
  }

  /**
   * The deadline of a redriven run: a run that failed on its deadline gets a new one ({@code now +
   * timeout}); any other keeps {@code current}.
   */
  public static Optional<Instant> redrive(
      Instant now,
      @Nullable Duration timeout,
      @Nullable Instant current,
      boolean failedOnDeadline) {
    return failedOnDeadline ? start(now, timeout) : Optional.ofNullable(current);
  }

  /** Whether a run with {@code deadline} is past it at {@code now} (never without one). */
  public static boolean passed(@Nullable Instant deadline, Instant now) {
    return deadline != null && !now.isBefore(deadline);
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
