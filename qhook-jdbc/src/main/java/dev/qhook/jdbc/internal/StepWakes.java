package dev.qhook.jdbc.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Wakes waiting step jobs in the caller's transaction (a join, a callback, a token's expiry, a
 * child run's end): what woke each is written into its step record, and the job becomes due, or
 * leased.
 */
final class StepWakes {
  private static final String SET_RESUME =
      "UPDATE workflow_steps SET resume = :resume WHERE job_id = :id";
  private static final String WAKE_JOB =
      "UPDATE jobs SET status = 'available', scheduled_at = :now,"
          + " attempt = CASE WHEN attempt > 0 THEN attempt - 1 ELSE 0 END"
          + " WHERE id = :id AND status = 'waiting'";
  private static final String WAKE_LEASED =
      "UPDATE jobs SET status = 'running', scheduled_at = :now, started_at = :now,"
          + " lease_until = :until WHERE id = :id AND status = 'waiting'";

  private StepWakes() {}

  /**
   * What wakes a step job: the resume written into its step record; with {@code leaseUntil} the job
   * is leased to the writer's instance instead of made available ({@link
   * dev.qhook.spi.RunAdvance.Join}).
   */
  record Wake(String jobId, String resume, Instant now, @Nullable Instant leaseUntil) {
    Wake(String jobId, String resume, Instant now) {
      this(jobId, resume, now, null);
    }
  }

  /**
   * Records what woke each step job and makes it due now if it waits (the wait is no attempt), or
   * leases it.
   */
  static void wake(Handle h, List<Wake> wakes) {
    if (wakes.isEmpty()) {
      return;
    }
    PreparedBatch resumes = h.prepareBatch(SET_RESUME);
    PreparedBatch jobs = h.prepareBatch(WAKE_JOB);
    PreparedBatch leased = h.prepareBatch(WAKE_LEASED);
    for (Wake w : wakes) {
      resumes.bind("resume", w.resume()).bind("id", w.jobId()).add();
      if (w.leaseUntil() == null) {
        jobs.bind("now", Columns.millis(w.now())).bind("id", w.jobId()).add();
      } else {
        leased
            .bind("now", Columns.millis(w.now()))
            .bind("until", Columns.millis(w.leaseUntil()))
            .bind("id", w.jobId())
            .add();
      }
    }
    resumes.execute();
    if (jobs.size() > 0) {
      jobs.execute();
    }
    if (leased.size() > 0) {
      leased.execute();
    }
  }
}
