package dev.qhook.internal.workflow.flow;

import dev.qhook.config.CatchRule;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.FailurePolicy;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.OnFailure;
import dev.qhook.config.RetryPolicy;
import dev.qhook.internal.delivery.RetryDelays;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Failure handling of a step (docs/reference/configuration.md, "Failure handling"), in this order:
 * retry if the class is in {@code retry.errors} and attempts remain; else the first {@code catch}
 * entry whose {@code errors} contain the class; else {@code on_failure: continue}; else stop.
 *
 * <p>Only step failures come here. A choice without a match and a run past its deadline are not
 * catchable: they fail the run directly ({@link FailureDecision.Stop}) without asking.
 */
public final class FailureDecisions {
  private FailureDecisions() {}

  /**
   * The decision after attempt {@code attempt} (1-based) of {@code step} failed with {@code
   * errorClass}.
   *
   * @param retryAfter a usable {@code Retry-After} of the response (already clamped), which
   *     replaces the computed delay; null for none
   * @param random the jitter source
   */
  public static FailureDecision decide(
      FallibleStep step,
      ErrorClass errorClass,
      int attempt,
      @Nullable Duration retryAfter,
      RandomGenerator random) {
    RetryPolicy retry = step.failure().retry();
    if (retries(retry, errorClass, attempt)) {
      return new FailureDecision.Retry(
          retryAfter != null ? retryAfter : RetryDelays.delay(retry, attempt, random));
    }
    return afterRetries(step.failure(), errorClass);
  }

  /**
   * The decision once retries are over or do not apply: a parallel branch or a map item that failed
   * for good (each retried on its own) fails the step here.
   */
  public static FailureDecision afterRetries(FallibleStep step, ErrorClass errorClass) {
    return afterRetries(step.failure(), errorClass);
  }

  /** Whether attempt {@code attempt} failing with {@code errorClass} is tried again. */
  public static boolean retries(RetryPolicy retry, ErrorClass errorClass, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    return retry.retries(errorClass) && attempt < Math.max(1, retry.maxAttempts());
  }

  private static FailureDecision afterRetries(FailurePolicy policy, ErrorClass errorClass) {
    for (CatchRule rule : policy.catches()) {
      if (rule.catches(errorClass)) {
        return FailureDecision.Catch.of(rule);
      }
    }
    return policy.onFailure() == OnFailure.CONTINUE
        ? FailureDecision.Continue.INSTANCE
        : FailureDecision.Stop.INSTANCE;
  }
}
