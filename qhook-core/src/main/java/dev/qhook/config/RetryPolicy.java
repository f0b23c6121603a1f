package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A retry block (docs/reference/configuration.md, "The retry block"): {@code default_retry}, {@code
 * handlers.*.retry}, {@code queues.*.retry}, step {@code retry} and outbound source {@code retry}.
 * A key missing in the config falls back to {@code delivery.default_retry}, then to {@link
 * #DEFAULT}.
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

  /** A builder that starts from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder that starts from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether a failure of {@code errorClass} is retried (attempts permitting). */
  public boolean retries(ErrorClass errorClass) {
    return errors.contains(errorClass);
  }

  /**
   * Builds a {@link RetryPolicy}; each method sets the key of the same meaning
   * (docs/reference/configuration.md, "The retry block"). Ranges are checked when the {@link
   * QHookConfig} holding the policy is built.
   */
  public static final class Builder {
    private int maxAttempts;
    private Backoff backoff;
    private Duration interval;
    private Duration maxInterval;
    private boolean jitter;
    private Set<ErrorClass> errors;

    private Builder(RetryPolicy from) {
      maxAttempts = from.maxAttempts;
      backoff = from.backoff;
      interval = from.interval;
      maxInterval = from.maxInterval;
      jitter = from.jitter;
      errors = from.errors;
    }

    /** Total attempts, the first included ({@code max}); default 5. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Default {@link Backoff#EXPONENTIAL}. */
    public Builder backoff(Backoff backoff) {
      this.backoff = requireNonNull(backoff, "backoff");
      return this;
    }

    /** First retry delay (every delay for fixed backoff); default 30 s. */
    public Builder interval(Duration interval) {
      this.interval = requireNonNull(interval, "interval");
      return this;
    }

    /** Cap on any computed delay, at least {@code interval}; default 1 h. */
    public Builder maxInterval(Duration maxInterval) {
      this.maxInterval = requireNonNull(maxInterval, "maxInterval");
      return this;
    }

    /** Whether each delay is randomised by ±20 %; default true. */
    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The failure classes that are retried; default every class. */
    public Builder errors(ErrorClass first, ErrorClass... more) {
      this.errors = EnumSet.of(first, more);
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(maxAttempts, backoff, interval, maxInterval, jitter, errors);
    }
  }
}
