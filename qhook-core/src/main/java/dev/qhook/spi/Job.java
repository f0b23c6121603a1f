package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job as stored.
 *
 * @param attempt attempts made so far (a running job counts its current attempt)
 * @param leaseUntil while running: when the claim lapses and another worker may take the job
 * @param step for a {@link JobKind#WORKFLOW_STEP} job: the run, step and branch it executes
 */
public record Job(
    String id,
    String eventId,
    JobKind kind,
    String target,
    @Nullable String url,
    JobStatus status,
    int attempt,
    int maxAttempts,
    Instant scheduledAt,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    Instant createdAt,
    @Nullable String lastError,
    @Nullable Instant leaseUntil,
    @Nullable String orderingKey,
    @Nullable StepRef step) {

  /** A job that is no workflow step. */
  public Job(
      String id,
      String eventId,
      JobKind kind,
      String target,
      @Nullable String url,
      JobStatus status,
      int attempt,
      int maxAttempts,
      Instant scheduledAt,
      @Nullable Instant startedAt,
      @Nullable Instant completedAt,
      Instant createdAt,
      @Nullable String lastError,
      @Nullable Instant leaseUntil,
      @Nullable String orderingKey) {
    this(
        id,
        eventId,
        kind,
        target,
        url,
        status,
        attempt,
        maxAttempts,
        scheduledAt,
        startedAt,
        completedAt,
        createdAt,
        lastError,
        leaseUntil,
        orderingKey,
        null);
  }

  public Job {
    requireNonNull(id, "id");
    requireNonNull(eventId, "eventId");
    requireNonNull(kind, "kind");
    requireNonNull(target, "target");
    requireNonNull(status, "status");
    requireNonNull(scheduledAt, "scheduledAt");
    requireNonNull(createdAt, "createdAt");
  }
}
