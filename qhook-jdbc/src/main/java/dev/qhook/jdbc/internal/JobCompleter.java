package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobStatus;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records completions in two steps: one fenced update for every job, then one insert of the attempt
 * records of the updates that applied. The fence makes an update apply only while the job is
 * running at the claimed attempt, so a worker whose lease lapsed cannot overwrite the new owner's
 * state. On SQLite each step is a JDBC batch and the driver's per-row update counts say which
 * applied; on PostgreSQL each is one statement over arrays ({@link PostgresOutcomes}).
 *
 * <p>A finished job's {@code completed_at} is the end of its last attempt ({@code createdAt +
 * durationMs} of the record), or the store clock's time when no request was made. {@link
 * Completion.Released} gives the claimed attempt back: the counter goes down by one.
 */
public final class JobCompleter {
  private static final String UPDATE =
      "UPDATE jobs SET status = :status, attempt = attempt - :givenBack,"
          + " scheduled_at = COALESCE(:runAt, scheduled_at),"
          + " completed_at = COALESCE(:completedAt, completed_at),"
          + " last_error = COALESCE(:error, last_error), lease_until = NULL"
          + " WHERE id = :id AND status = 'running' AND attempt = :attempt";
  private static final String INSERT_ATTEMPT =
      "INSERT INTO job_attempts (job_id, "
          + Columns.ATTEMPT
          + ") VALUES (:jobId, :attempt, :statusCode, :error, :durationMs, :createdAt,"
          + " :responseBody)";

  private final Dialect dialect;
  private final Clock clock;

  public JobCompleter(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  public void complete(Handle h, List<Completion> completions) {
    apply(h, dialect, completions.stream().map(this::outcome).toList());
  }

  /**
   * Applies the outcomes in job id order (a stable sort), so row locks never cross.
   *
   * @return the outcomes whose fence held
   */
  static List<JobOutcome> apply(Handle h, Dialect dialect, List<JobOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return List.of();
    }
    List<JobOutcome> ordered = new ArrayList<>(outcomes);
    ordered.sort(Comparator.comparing(JobOutcome::jobId));
    if (dialect == Dialect.POSTGRES) {
      List<JobOutcome> applied = PostgresOutcomes.update(h, ordered);
      PostgresOutcomes.insertAttempts(h, applied);
      return applied;
    }
    PreparedBatch update = h.prepareBatch(UPDATE);
    for (JobOutcome o : ordered) {
      update
          .bind("status", o.status().label())
          .bind("givenBack", o.givenBack())
          .bind("runAt", o.runAt())
          .bind("completedAt", o.completedAt())
          .bind("error", o.error())
          .bind("id", o.jobId())
          .bind("attempt", o.attempt())
          .add();
    }
    int[] counts = update.execute();
    if (counts.length != ordered.size()) {
      throw new IllegalStateException("the driver did not report a count per completion");
    }
    List<JobOutcome> applied = new ArrayList<>(ordered.size());
    PreparedBatch attempts = h.prepareBatch(INSERT_ATTEMPT);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException("the driver did not say which completions applied");
      }
      if (counts[i] == 0) {
        continue;
      }
      JobOutcome o = ordered.get(i);
      applied.add(o);
      AttemptRecord r = o.record();
      if (r != null) {
        attempts
            .bind("jobId", o.jobId())
            .bind("attempt", r.attempt())
            .bind("statusCode", r.statusCode())
            .bind("error", r.error())
            .bind("durationMs", r.durationMs())
            .bind("createdAt", Columns.millis(r.createdAt()))
            .bind("responseBody", r.responseBody())
            .add();
      }
    }
    if (attempts.size() > 0) {
      attempts.execute();
    }
    return applied;
  }

  JobOutcome outcome(Completion completion) {
    String id = completion.jobId();
    int attempt = completion.attempt();
    if (completion instanceof Completion.Succeeded s) {
      long at = Columns.millis(end(s.record()));
      return new JobOutcome(id, attempt, JobStatus.COMPLETED, 0, null, at, null, s.record());
    } else if (completion instanceof Completion.Retry r) {
      long runAt = Columns.millis(r.runAt());
      return new JobOutcome(
          id, attempt, JobStatus.RETRYABLE, 0, runAt, null, r.lastError(), r.record());
    } else if (completion instanceof Completion.Dead d) {
      long at = Columns.millis(d.record() == null ? clock.instant() : end(d.record()));
      return new JobOutcome(id, attempt, JobStatus.DEAD, 0, null, at, d.lastError(), d.record());
    } else if (completion instanceof Completion.Released r) {
      long runAt = Columns.millis(r.runAt());
      return new JobOutcome(id, attempt, JobStatus.RETRYABLE, 1, runAt, null, r.lastError(), null);
    }
    throw new IllegalArgumentException("unknown completion " + completion);
  }

  private static Instant end(AttemptRecord record) {
    return record.createdAt().plusMillis(record.durationMs());
  }
}
