package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * A step's failure handling: retry, then the first matching {@code catch}, then {@code on_failure}.
 *
 * @param retry the step's retry block merged over {@code delivery.default_retry}
 * @param catches the {@code catch} entries in order; the first that matches wins
 * @param onFailure what happens when nothing catches the failure; default {@link OnFailure#STOP}
 * @param timeout the step's {@code timeout}, default {@code delivery.timeout}
 */
public record FailurePolicy(
    RetryPolicy retry, List<CatchRule> catches, OnFailure onFailure, Duration timeout) {
  public FailurePolicy {
    requireNonNull(retry, "retry");
    catches = List.copyOf(catches);
    requireNonNull(onFailure, "onFailure");
    requireNonNull(timeout, "timeout");
  }
}
