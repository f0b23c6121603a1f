package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A retry block (SPEC §2.4, §4.4): {@code default_retry}, {@code handlers.*.retry}, {@code
 * queues.*.retry}, step {@code retry} and outbound source {@code retry}. A key missing in the
 * config falls back to {@code delivery.default_retry}, then to {@link #DEFAULT}.
 *
 * @param maxAttempts total attempts, the first included ({@code max}; 0 in the config reads as 1)
 * @param backoff delay growth
 * @param interval first retry delay (every delay for fixed backoff)
 * @param maxInterval cap on any computed delay; at least {@code interval}
 * @param jitter whether each delay is randomised by ±20 %
 * @param errors failure classes that are retried ({@code all} in the config means every class)
 */
public record RetryPolicy(
    int maxAttempts,
    Backoff backoff,
    Duration interval,
    Duration maxInterval,
    boolean jitter,
    Set<ErrorClass> errors) {
  /** max 5, exponential, 30 s, 1 h, jitter, every error class. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          5,
          Backoff.EXPONENTIAL,
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          true,
          EnumSet.allOf(ErrorClass.class));

  public RetryPolicy {
    requireNonNull(backoff, "backoff");
    requireNonNull(interval, "interval");
    requireNonNull(maxInterval, "maxInterval");
    errors = Set.copyOf(errors);
  }

  /** Whether a failure of {@code errorClass} is retried (attempts permitting). */
  public boolean retries(ErrorClass errorClass) {
    return errors.contains(errorClass);
  }
}
