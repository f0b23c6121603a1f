package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Leases of running jobs: extending them, recording when a worker really began an attempt, and
 * recovering the jobs whose worker vanished ({@code worker.stale_threshold_secs},
 * docs/reference/configuration.md, "worker"). The lost try counts: it gets an attempt record, and
 * the job becomes retryable and due at once, or dead when it was the final attempt.
 */
public final class LeaseKeeper {
  private final Dialect dialect;

  public LeaseKeeper(Dialect dialect) {
    this.dialect = dialect;
  }

  public void extendLeases(Handle h, List<String> jobIds, Instant leaseUntil) {
    if (jobIds.isEmpty()) {
      return;
    }
    h.createUpdate(
            "UPDATE jobs SET lease_until = :leaseUntil WHERE status = 'running' AND id IN (<ids>)")
        .bind("leaseUntil", Columns.millis(leaseUntil))
        .bindList("ids", jobIds)
        .execute();
  }

  /**
   * Moves {@code started_at} of a job still running at {@code attempt} to when its worker began the
   * attempt; the stale check of {@link #recoverLost} counts from it.
   */
  public void markStarted(Handle h, String jobId, int attempt, Instant startedAt) {
    h.createUpdate(
            "UPDATE jobs SET started_at = :startedAt"
                + " WHERE id = :id AND status = 'running' AND attempt = :attempt")
        .bind("startedAt", Columns.millis(startedAt))
        .bind("id", jobId)
        .bind("attempt", attempt)
        .execute();
  }

  /**
   * The running jobs whose lease lapsed or whose attempt outlived the stale threshold. Read through
   * the index of running jobs, with no {@code ORDER BY}: ordered by id, SQLite walked the whole
   * table in id order instead (0.37 s on 1.7 million jobs, inside the write lock, every 10 s: the
   * stalls of docs/benchmarks.md, "Steady load"). Rows are locked with {@code SKIP LOCKED}, so
   * their order cannot deadlock; they are sorted by id after the read.
   */
  static final String LOST =
      "SELECT "
          + Columns.JOB
          + " FROM jobs WHERE status = 'running' AND kind <> 'queue'"
          + " AND (lease_until < :now OR started_at < :startedBefore)";

  public LostJobs recoverLost(Handle h, Instant now, Instant startedBefore) {
    List<Job> lost =
        new ArrayList<>(
            h.createQuery(LOST + dialect.lockRowsClause())
                .bind("now", Columns.millis(now))
                .bind("startedBefore", Columns.millis(startedBefore))
                .map((rs, ctx) -> Columns.job(rs))
                .list());
    lost.sort(Comparator.comparing(Job::id));
    List<JobOutcome> outcomes = new ArrayList<>(lost.size());
    long at = Columns.millis(now);
    for (Job job : lost) {
      AttemptRecord record = lostAttempt(job, now);
      outcomes.add(
          job.attempt() >= job.maxAttempts()
              ? new JobOutcome(
                  job.id(),
                  job.attempt(),
                  JobStatus.DEAD,
                  0,
                  null,
                  at,
                  LostJobs.FINAL_ATTEMPT_LOST,
                  record)
              : new JobOutcome(
                  job.id(),
                  job.attempt(),
                  JobStatus.RETRYABLE,
                  0,
                  at,
                  null,
                  LostJobs.ATTEMPT_LOST,
                  record));
    }
    int requeued = 0;
    List<String> deadIds = new ArrayList<>();
    for (JobOutcome applied : JobCompleter.apply(h, dialect, outcomes)) {
      if (applied.status() == JobStatus.DEAD) {
        deadIds.add(applied.jobId());
      } else {
        requeued++;
      }
    }
    return new LostJobs(requeued, deadIds.isEmpty() ? List.of() : JobReader.byIds(h, deadIds));
  }

  private static AttemptRecord lostAttempt(Job job, Instant now) {
    Instant started = job.startedAt() == null ? now : job.startedAt();
    long durationMs = Math.max(0, Duration.between(started, now).toMillis());
    return new AttemptRecord(job.attempt(), null, LostJobs.ATTEMPT_LOST, durationMs, started, null);
  }
}
