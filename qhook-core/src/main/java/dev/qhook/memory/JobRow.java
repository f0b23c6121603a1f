package dev.qhook.memory;

import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
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
  JobStatus status = JobStatus.AVAILABLE;
  int attempt;
  Instant scheduledAt;
  @Nullable Instant startedAt;
  @Nullable Instant completedAt;
  @Nullable String lastError;
  @Nullable Instant leaseUntil;

  JobRow(Event event, NewJob job) {
    this(event, job, event.createdAt());
  }

  /** A job of {@code event} created at {@code createdAt} (a replayed one: later than the event). */
  JobRow(Event event, NewJob job, Instant createdAt) {
    this.id = job.id();
    this.eventId = event.id();
    this.kind = job.kind();
    this.target = job.target();
    this.url = job.url();
    this.maxAttempts = job.maxAttempts();
    this.createdAt = createdAt;
    this.orderingKey = job.orderingKey();
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
        orderingKey);
  }
}
