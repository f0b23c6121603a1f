package dev.qhook.jdbc.internal;

import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * What consumers and operators do to queue messages (docs/reference/http-api.md, "Pull queues"):
 * ack, nack, extend, lease expiry, redrive and deletion. A message in flight is a running queue job
 * whose lease has not ended. Receiving is {@link JobClaimer}'s claim; a nack and a lapsed lease
 * leave the running state through {@link JobCompleter}'s fenced outcomes, as deliveries do.
 */
public final class QueueMessages {
  private static final String OF_QUEUE = "kind = 'queue' AND target = :queue";
  private static final String IN_FLIGHT =
      OF_QUEUE + " AND status = 'running' AND lease_until >= :now AND id IN (<ids>)";

  private final Dialect dialect;

  public QueueMessages(Dialect dialect) {
    this.dialect = dialect;
  }

  public int ack(Handle h, String queue, List<String> ids, Instant now) {
    return h.createUpdate(
            "UPDATE jobs SET status = 'completed', completed_at = :now, lease_until = NULL WHERE "
                + IN_FLIGHT)
        .bind("queue", queue)
        .bind("now", Columns.millis(now))
        .bindList("ids", ids)
        .execute();
  }

  public int extend(Handle h, String queue, List<String> ids, Instant now, Instant leaseUntil) {
    return h.createUpdate("UPDATE jobs SET lease_until = :leaseUntil WHERE " + IN_FLIGHT)
        .bind("leaseUntil", Columns.millis(leaseUntil))
        .bind("queue", queue)
        .bind("now", Columns.millis(now))
        .bindList("ids", ids)
        .execute();
  }

  public Nacked nack(
      Handle h, String queue, List<String> ids, Instant now, IntFunction<Duration> delay) {
    List<Job> leased =
        h.createQuery(
                "SELECT "
                    + Columns.JOB
                    + " FROM jobs WHERE "
                    + IN_FLIGHT
                    + " ORDER BY id"
                    + dialect.lockRowsClause())
            .bind("queue", queue)
            .bind("now", Columns.millis(now))
            .bindList("ids", ids)
            .map((rs, ctx) -> Columns.job(rs))
            .list();
    long at = Columns.millis(now);
    List<JobOutcome> outcomes = new ArrayList<>(leased.size());
    for (Job job : leased) {
      outcomes.add(
          job.attempt() >= job.maxAttempts()
              ? dead(job, at, LostJobs.FINAL_NACK)
              : visibleAt(job, Columns.millis(now.plus(delay.apply(job.attempt()))), null));
    }
    List<String> dead = new ArrayList<>();
    int retried = 0;
    for (JobOutcome applied : JobCompleter.apply(h, dialect, outcomes)) {
      if (applied.status() == JobStatus.DEAD) {
        dead.add(applied.jobId());
      } else {
        retried++;
      }
    }
    return new Nacked(retried, dead.isEmpty() ? List.of() : JobReader.byIds(h, dead));
  }

  /**
   * Leased messages whose lease lapsed, read through the index of running jobs (as {@link
   * LeaseKeeper#LOST}: no {@code ORDER BY}, which made SQLite walk the whole table; sorted after).
   */
  static final String LAPSED =
      "SELECT "
          + Columns.JOB
          + " FROM jobs WHERE status = 'running' AND kind = 'queue' AND lease_until < :now";

  /** Ends every lease that lapsed before {@code now}; returns those messages as stored now. */
  public List<Job> expireLeases(Handle h, Instant now) {
    List<Job> lapsed =
        new ArrayList<>(
            h.createQuery(LAPSED + dialect.lockRowsClause())
                .bind("now", Columns.millis(now))
                .map((rs, ctx) -> Columns.job(rs))
                .list());
    lapsed.sort(Comparator.comparing(Job::id));
    long at = Columns.millis(now);
    List<JobOutcome> outcomes = new ArrayList<>(lapsed.size());
    for (Job job : lapsed) {
      outcomes.add(
          job.attempt() >= job.maxAttempts()
              ? dead(job, at, LostJobs.FINAL_LEASE_EXPIRED)
              : visibleAt(job, at, LostJobs.LEASE_EXPIRED));
    }
    List<String> ids =
        JobCompleter.apply(h, dialect, outcomes).stream().map(JobOutcome::jobId).toList();
    return ids.isEmpty() ? List.of() : JobReader.byIds(h, ids);
  }

  private static JobOutcome dead(Job job, long at, String error) {
    return new JobOutcome(job.id(), job.attempt(), JobStatus.DEAD, 0, null, at, error, null);
  }

  private static JobOutcome visibleAt(Job job, long runAt, @Nullable String error) {
    return new JobOutcome(
        job.id(), job.attempt(), JobStatus.RETRYABLE, 0, runAt, null, error, null);
  }

  public int redrive(Handle h, String queue, @Nullable List<String> ids, Instant now) {
    if (ids != null && ids.isEmpty()) {
      return 0;
    }
    var update =
        h.createUpdate(
                JobRetrier.RESET
                    + " WHERE "
                    + OF_QUEUE
                    + " AND status = 'dead'"
                    + (ids == null ? "" : " AND id IN (<ids>)"))
            .bind("queue", queue)
            .bind("now", Columns.millis(now));
    if (ids != null) {
      update.bindList("ids", ids);
    }
    return update.execute();
  }

  /** Deletes the messages of {@code queue}, only the dead ones when {@code deadOnly}. */
  public int delete(Handle h, String queue, boolean deadOnly) {
    String which = OF_QUEUE + (deadOnly ? " AND status = 'dead'" : "");
    h.createUpdate(
            "DELETE FROM job_attempts WHERE job_id IN (SELECT id FROM jobs WHERE " + which + ")")
        .bind("queue", queue)
        .execute();
    return h.createUpdate("DELETE FROM jobs WHERE " + which).bind("queue", queue).execute();
  }
}
