package dev.qhook.memory;

import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.StepRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job's mutable state inside {@link InMemoryStore}; callers only ever see snapshots. */
final class JobRow {
  final String id;
  final String eventId;
  final JobKind kind;
  final String target;
  final @Nullable String url;
  final int maxAttempts;
  final Instant createdAt;
  final @Nullable String orderingKey;
  final @Nullable StepRef step;
  JobStatus status = JobStatus.AVAILABLE;
  int attempt;
  Instant scheduledAt;
  @Nullable Instant startedAt;
  @Nullable Instant completedAt;
  @Nullable String lastError;
  @Nullable Instant leaseUntil;

  JobRow(Event event, NewJob job) {
    this(event.id(), event.createdAt(), job);
  }

  /** A job created at {@code createdAt}, after its event (a later workflow step). */
  JobRow(String eventId, Instant createdAt, NewJob job) {
    this.id = job.id();
    this.eventId = eventId;
    this.kind = job.kind();
    this.target = job.target();
    this.url = job.url();
    this.maxAttempts = job.maxAttempts();
    this.createdAt = createdAt;
    this.orderingKey = job.orderingKey();
    this.step = job.step();
    this.scheduledAt = job.scheduledAt();
    if (job.leaseUntil() != null) { // leased at ingest, as if claimed
      this.status = JobStatus.RUNNING;
      this.attempt = 1;
      this.startedAt = job.scheduledAt();
      this.leaseUntil = job.leaseUntil();
    }
  }

  void finish(JobStatus finalStatus, Instant at, @Nullable String error) {
    status = finalStatus;
    completedAt = at;
    lastError = error;
    leaseUntil = null;
  }

  void reschedule(Instant runAt, @Nullable String error) {
    status = JobStatus.RETRYABLE;
    scheduledAt = runAt;
    lastError = error;
    leaseUntil = null;
  }

  /**
   * Available now with a fresh attempt counter (docs/reference/http-api.md, "POST
   * /api/jobs/{id}/retry").
   */
  void reset(Instant now) {
    status = JobStatus.AVAILABLE;
    attempt = 0;
    scheduledAt = now;
    startedAt = null;
    completedAt = null;
    lastError = null;
    leaseUntil = null;
  }

  /**
   * Woken from {@code waiting} (docs/architecture.md, "Workflow runs"): due at {@code now}, and the
   * wait is not an attempt, so the claim that woke it is given back.
   */
  void wake(Instant now) {
    status = JobStatus.AVAILABLE;
    scheduledAt = now;
    attempt = Math.max(0, attempt - 1);
    leaseUntil = null;
  }

  /** Leased from {@code available} as a claim would: the next attempt, started now. */
  void lease(Instant now, Instant until) {
    status = JobStatus.RUNNING;
    attempt++;
    startedAt = now;
    leaseUntil = until;
  }

  Job snapshot() {
    return new Job(
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
        step);
  }
}
