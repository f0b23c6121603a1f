package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * Records completions. Each update is fenced: it applies only while the job is running at the
 * claimed attempt, so a worker whose lease lapsed cannot overwrite the new owner's state. The
 * attempt record is written only when the fence held.
 *
 * <p>A finished job's {@code completed_at} is the end of its last attempt ({@code createdAt +
 * durationMs} of the record), or the store clock's time when no request was made. {@link
 * Completion.Released} gives the claimed attempt back: the counter goes down by one.
 */
public final class JobCompleter {
  private static final String FENCE =
      " WHERE id = :id AND status = 'running' AND attempt = :attempt";

  private final Clock clock;

  public JobCompleter(Clock clock) {
    this.clock = clock;
  }

  /** Applies the completions in job id order (a stable sort), so row locks never cross. */
  public void complete(Handle h, List<Completion> completions) {
    List<Completion> ordered = new ArrayList<>(completions);
    ordered.sort(Comparator.comparing(Completion::jobId));
    for (Completion completion : ordered) {
      apply(h, completion);
    }
  }

  private void apply(Handle h, Completion completion) {
    if (completion instanceof Completion.Succeeded s) {
      Update u =
          fenced(h, s, "status = 'completed', completed_at = :at, lease_until = NULL")
              .bind("at", Columns.millis(end(s.record())));
      record(h, s.jobId(), u.execute(), s.record());
    } else if (completion instanceof Completion.Retry r) {
      Update u =
          fenced(
                  h,
                  r,
                  "status = 'retryable', scheduled_at = :runAt, last_error = :error,"
                      + " lease_until = NULL")
              .bind("runAt", Columns.millis(r.runAt()))
              .bind("error", r.lastError());
      record(h, r.jobId(), u.execute(), r.record());
    } else if (completion instanceof Completion.Dead d) {
      Instant at = d.record() == null ? clock.instant() : end(d.record());
      Update u =
          fenced(
                  h,
                  d,
                  "status = 'dead', completed_at = :at, last_error = :error, lease_until = NULL")
              .bind("at", Columns.millis(at))
              .bind("error", d.lastError());
      record(h, d.jobId(), u.execute(), d.record());
    } else if (completion instanceof Completion.Released r) {
      fenced(
              h,
              r,
              "status = 'retryable', attempt = attempt - 1, scheduled_at = :runAt,"
                  + " last_error = :error, lease_until = NULL")
          .bind("runAt", Columns.millis(r.runAt()))
          .bind("error", r.lastError())
          .execute();
    } else {
      throw new IllegalArgumentException("unknown completion " + completion);
    }
  }

  private static Update fenced(Handle h, Completion completion, String assignments) {
    return h.createUpdate("UPDATE jobs SET " + assignments + FENCE)
        .bind("id", completion.jobId())
        .bind("attempt", completion.attempt());
  }

  private static void record(Handle h, String jobId, int updated, @Nullable AttemptRecord record) {
    if (updated == 1 && record != null) {
      insertAttempt(h, jobId, record);
    }
  }

  static void insertAttempt(Handle h, String jobId, AttemptRecord record) {
    h.createUpdate(
            "INSERT INTO job_attempts (job_id, "
                + Columns.ATTEMPT
                + ") VALUES (:jobId, :attempt, :statusCode, :error, :durationMs, :createdAt,"
                + " :responseBody)")
        .bind("jobId", jobId)
        .bind("attempt", record.attempt())
        .bind("statusCode", record.statusCode())
        .bind("error", record.error())
        .bind("durationMs", record.durationMs())
        .bind("createdAt", Columns.millis(record.createdAt()))
        .bind("responseBody", record.responseBody())
        .execute();
  }

  private static Instant end(AttemptRecord record) {
    return record.createdAt().plusMillis(record.durationMs());
  }
}
