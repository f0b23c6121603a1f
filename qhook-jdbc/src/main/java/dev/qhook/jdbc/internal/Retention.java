package dev.qhook.jdbc.internal;

import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Cleanup ({@code worker.retention_hours} and {@code retention.events}:
 * docs/reference/configuration.md, "worker", "retention"). Finished jobs go with their attempts; an
 * event goes once none of its jobs is open, together with its finished jobs and their attempts.
 */
public final class Retention {
  private static final String FINISHED_BEFORE =
      "status IN "
          + Columns.FINISHED_STATUSES
          + " AND COALESCE(completed_at, created_at) < :before";
  private static final String REMOVABLE_EVENTS =
      "SELECT e.id FROM events e WHERE e.created_at < :before AND NOT EXISTS"
          + " (SELECT 1 FROM jobs j WHERE j.event_id = e.id AND j.status IN "
          + Columns.OPEN_STATUSES
          + ")";

  private static final String EXPIRABLE =
      "kind IN ('handler', 'queue', 'outbound') AND status IN ('available', 'retryable')"
          + " AND created_at < :before";

  /** The event TTL sweep: undelivered jobs past the cutoff go dead. */
  public List<Job> expireJobs(Handle h, Instant createdBefore, Instant now) {
    long before = Columns.millis(createdBefore);
    List<String> ids =
        h.createQuery("SELECT id FROM jobs WHERE " + EXPIRABLE + " ORDER BY id")
            .bind("before", before)
            .mapTo(String.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    h.createUpdate(
            "UPDATE jobs SET status = 'dead', last_error = :error, completed_at = :now,"
                + " lease_until = NULL WHERE id IN (<ids>) AND "
                + EXPIRABLE)
        .bindList("ids", ids)
        .bind("error", LostJobs.TTL_EXPIRED)
        .bind("now", Columns.millis(now))
        .bind("before", before)
        .execute();
    return JobReader.byIds(h, ids);
  }

  public int deleteFinishedJobs(Handle h, Instant finishedBefore) {
    long before = Columns.millis(finishedBefore);
    h.createUpdate(
            "DELETE FROM job_attempts WHERE job_id IN (SELECT id FROM jobs WHERE "
                + FINISHED_BEFORE
                + ")")
        .bind("before", before)
        .execute();
    return h.createUpdate("DELETE FROM jobs WHERE " + FINISHED_BEFORE)
        .bind("before", before)
        .execute();
  }

  public int deleteEvents(Handle h, Instant createdBefore) {
    long before = Columns.millis(createdBefore);
    h.createUpdate(
            "DELETE FROM job_attempts WHERE job_id IN (SELECT id FROM jobs WHERE status IN "
                + Columns.FINISHED_STATUSES
                + " AND event_id IN ("
                + REMOVABLE_EVENTS
                + "))")
        .bind("before", before)
        .execute();
    // The status condition is re-checked on rows a concurrent retry just reopened.
    h.createUpdate(
            "DELETE FROM jobs WHERE status IN "
                + Columns.FINISHED_STATUSES
                + " AND event_id IN ("
                + REMOVABLE_EVENTS
                + ")")
        .bind("before", before)
        .execute();
    return h.createUpdate("DELETE FROM events WHERE id IN (" + REMOVABLE_EVENTS + ")")
        .bind("before", before)
        .execute();
  }
}
