package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch of outcomes on PostgreSQL in two statements whatever its size: one fenced {@code
 * UPDATE ... FROM unnest(...)} for the jobs and one {@code INSERT ... SELECT FROM unnest(...)} for
 * their attempt records. A JDBC batch of one statement per outcome costs the server a bind, an
 * executor start and a plan-cache check per row, which was about a quarter of its CPU in a push
 * round.
 */
final class PostgresOutcomes {
  private static final String UPDATE =
      "UPDATE jobs j SET status = v.status, attempt = j.attempt - v.given_back,"
          + " scheduled_at = COALESCE(v.run_at, j.scheduled_at),"
          + " completed_at = COALESCE(v.completed_at, j.completed_at),"
          + " last_error = COALESCE(v.error, j.last_error), lease_until = NULL"
          + " FROM unnest(CAST(:ids AS text[]), CAST(:attempts AS integer[]),"
          + " CAST(:statuses AS text[]), CAST(:givenBack AS integer[]), CAST(:runAt AS bigint[]),"
          + " CAST(:completedAt AS bigint[]), CAST(:errors AS text[]))"
          + " AS v(id, attempt, status, given_back, run_at, completed_at, error)"
          + " WHERE j.id = v.id AND j.status = 'running' AND j.attempt = v.attempt"
          + " RETURNING j.id";
  private static final String INSERT_ATTEMPTS =
      "INSERT INTO job_attempts (job_id, "
          + Columns.ATTEMPT
          + ") SELECT * FROM unnest(CAST(:jobIds AS text[]), CAST(:attempts AS integer[]),"
          + " CAST(:statusCodes AS integer[]), CAST(:errors AS text[]),"
          + " CAST(:durations AS bigint[]), CAST(:createdAt AS bigint[]),"
          + " CAST(:bodies AS text[]))";

  private PostgresOutcomes() {}

  /**
   * Applies {@code ordered} (sorted by job id) and returns the outcomes whose fence held, in that
   * order. A job named twice is updated at most once, by its first outcome.
   */
  static List<JobOutcome> update(Handle h, List<JobOutcome> ordered) {
    List<JobOutcome> distinct = new ArrayList<>(ordered.size());
    Set<String> seen = new HashSet<>();
    for (JobOutcome o : ordered) {
      if (seen.add(o.jobId())) {
        distinct.add(o);
      }
    }
    int n = distinct.size();
    List<String> ids = new ArrayList<>(n);
    List<Integer> attempts = new ArrayList<>(n);
    List<String> statuses = new ArrayList<>(n);
    List<Integer> givenBack = new ArrayList<>(n);
    List<Long> runAt = new ArrayList<>(n);
    List<Long> completedAt = new ArrayList<>(n);
    List<String> errors = new ArrayList<>(n);
    for (JobOutcome o : distinct) {
      ids.add(o.jobId());
      attempts.add(o.attempt());
      statuses.add(o.status().label());
      givenBack.add(o.givenBack());
      runAt.add(o.runAt());
      completedAt.add(o.completedAt());
      errors.add(o.error());
    }
    Set<String> updated =
        new HashSet<>(
            h.createQuery(UPDATE)
                .bindArray("ids", String.class, ids)
                .bindArray("attempts", Integer.class, attempts)
                .bindArray("statuses", String.class, statuses)
                .bindArray("givenBack", Integer.class, givenBack)
                .bindArray("runAt", Long.class, runAt)
                .bindArray("completedAt", Long.class, completedAt)
                .bindArray("errors", String.class, errors)
                .mapTo(String.class)
                .list());
    List<JobOutcome> applied = new ArrayList<>(updated.size());
    for (JobOutcome o : distinct) {
      if (updated.contains(o.jobId())) {
        applied.add(o);
      }
    }
    return applied;
  }

  /** Inserts the attempt records of {@code applied}, in their order. */
  static void insertAttempts(Handle h, List<JobOutcome> applied) {
    List<String> jobIds = new ArrayList<>();
    List<Integer> attempts = new ArrayList<>();
    List<Integer> statusCodes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Long> durations = new ArrayList<>();
    List<Long> createdAt = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (JobOutcome o : applied) {
      AttemptRecord r = o.record();
      if (r == null) {
        continue;
      }
      jobIds.add(o.jobId());
      attempts.add(r.attempt());
      statusCodes.add(r.statusCode());
      errors.add(r.error());
      durations.add(r.durationMs());
      createdAt.add(Columns.millis(r.createdAt()));
      bodies.add(r.responseBody());
    }
    if (jobIds.isEmpty()) {
      return;
    }
    h.createUpdate(INSERT_ATTEMPTS)
        .bindArray("jobIds", String.class, jobIds)
        .bindArray("attempts", Integer.class, attempts)
        .bindArray("statusCodes", Integer.class, statusCodes)
        .bindArray("errors", String.class, errors)
        .bindArray("durations", Long.class, durations)
        .bindArray("createdAt", Long.class, createdAt)
        .bindArray("bodies", String.class, bodies)
        .execute();
  }
}
