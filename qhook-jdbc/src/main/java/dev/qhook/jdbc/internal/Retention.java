package dev.qhook.jdbc.internal;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Cleanup (SPEC §10.4). Finished jobs go with their attempts; an event goes once none of its jobs
 * is open, together with its finished jobs and their attempts.
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
            "DELETE FROM job_attempts WHERE job_id IN (SELECT id FROM jobs WHERE event_id IN ("
                + REMOVABLE_EVENTS
                + "))")
        .bind("before", before)
        .execute();
    h.createUpdate("DELETE FROM jobs WHERE event_id IN (" + REMOVABLE_EVENTS + ")")
        .bind("before", before)
        .execute();
    return h.createUpdate("DELETE FROM events WHERE id IN (" + REMOVABLE_EVENTS + ")")
        .bind("before", before)
        .execute();
  }
}
