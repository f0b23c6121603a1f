package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job to create together with its event.
 *
 * @param target the handler, queue, endpoint or {@code workflow/step} name the job works for
 * @param url the destination at creation time, for display (null for queue messages)
 * @param orderingKey jobs of one target with the same key run one at a time
 *     (docs/reference/configuration.md, "Ordering keys")
 * @param leaseUntil when set, the job is stored already leased to the appending instance, as if it
 *     claimed the job in the same transaction: {@code running} at attempt 1, started at {@code
 *     scheduledAt}, leased until this instant. The engine hands such jobs straight to its workers
 *     (docs/architecture.md, "Hand-off at ingest").
 * @param step for a {@link JobKind#WORKFLOW_STEP} job: the run, step and branch it executes
 */
public record NewJob(
    String id,
    JobKind kind,
    String target,
    @Nullable String url,
    int maxAttempts,
    Instant scheduledAt,
    @Nullable String orderingKey,
    @Nullable Instant leaseUntil,
    @Nullable StepRef step) {

  public NewJob(
      String id,
      JobKind kind,
      String target,
      @Nullable String url,
      int maxAttempts,
      Instant scheduledAt,
      @Nullable String orderingKey,
      @Nullable Instant leaseUntil) {
    this(id, kind, target, url, maxAttempts, scheduledAt, orderingKey, leaseUntil, null);
  }

  /** A workflow step job, stored {@code available} and due at {@code scheduledAt}. */
  public static NewJob step(
      String id,
      String target,
      @Nullable String url,
      int maxAttempts,
      Instant scheduledAt,
      StepRef step) {
    return new NewJob(
        id,
        JobKind.WORKFLOW_STEP,
        target,
        url,
        maxAttempts,
        scheduledAt,
        null,
        null,
        requireNonNull(step, "step"));
  }

  /** A job stored {@code available}, for any instance to claim. */
  public NewJob(
      String id,
      JobKind kind,
      String target,
      @Nullable String url,
      int maxAttempts,
      Instant scheduledAt,
      @Nullable String orderingKey) {
    this(id, kind, target, url, maxAttempts, scheduledAt, orderingKey, null);
  }

  public NewJob {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(target, "target");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    requireNonNull(scheduledAt, "scheduledAt");
    if (step != null && kind != JobKind.WORKFLOW_STEP) {
      throw new IllegalArgumentException("only a workflow step job has a step, not " + kind);
    }
  }

  /** This job stored {@code available}, without a lease. */
  public NewJob withoutLease() {
    return leaseUntil == null ? this : leasedUntil(null);
  }

  /** This job stored leased until {@code until} (see {@link #leaseUntil}). */
  public NewJob leasedUntil(@Nullable Instant until) {
    return new NewJob(id, kind, target, url, maxAttempts, scheduledAt, orderingKey, until, step);
  }
}
