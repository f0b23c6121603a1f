package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Leases of running jobs: extending them, and recovering the jobs whose worker vanished (SPEC
 * §4.10). The lost try counts: it gets an attempt record, and the job becomes retryable and due at
 * once, or dead when it was the final attempt.
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

  public LostJobs recoverLost(Handle h, Instant now, Instant startedBefore) {
    List<Job> lost =
        h.createQuery(
                "SELECT "
                    + Columns.JOB
                    + " FROM jobs WHERE status = 'running'"
                    + " AND (lease_until < :now OR started_at < :startedBefore)"
                    + " ORDER BY id"
                    + dialect.lockRowsClause())
            .bind("now", Columns.millis(now))
            .bind("startedBefore", Columns.millis(startedBefore))
            .map((rs, ctx) -> Columns.job(rs))
            .list();
    int requeued = 0;
    List<String> deadIds = new ArrayList<>();
    for (Job job : lost) {
      boolean finalAttempt = job.attempt() >= job.maxAttempts();
      String error = finalAttempt ? LostJobs.FINAL_ATTEMPT_LOST : LostJobs.ATTEMPT_LOST;
      int updated =
          h.createUpdate(
                  finalAttempt
                      ? "UPDATE jobs SET status = 'dead', completed_at = :now, last_error = :error,"
                          + " lease_until = NULL"
                          + " WHERE id = :id AND status = 'running' AND attempt = :attempt"
                      : "UPDATE jobs SET status = 'retryable', scheduled_at = :now,"
                          + " last_error = :error, lease_until = NULL"
                          + " WHERE id = :id AND status = 'running' AND attempt = :attempt")
              .bind("now", Columns.millis(now))
              .bind("error", error)
              .bind("id", job.id())
              .bind("attempt", job.attempt())
              .execute();
      if (updated != 1) {
        continue;
      }
      JobCompleter.insertAttempt(h, job.id(), lostAttempt(job, now));
      if (finalAttempt) {
        deadIds.add(job.id());
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
