package dev.qhook.jdbc.internal;

import dev.qhook.spi.JobQuery;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Manual retries (docs/reference/http-api.md, "POST /api/jobs/{id}/retry"): a dead or retrying
 * handler or outbound job becomes available now, same id, attempt counter 0, error cleared. Queue
 * messages and workflow steps have their own paths (queue redrive, run redrive).
 */
public final class JobRetrier {
  static final String RESET =
      "UPDATE jobs SET status = 'available', scheduled_at = :now, attempt = 0, last_error = NULL,"
          + " started_at = NULL, completed_at = NULL, lease_until = NULL";
  private static final String RETRIABLE_KINDS = "kind IN ('handler', 'outbound')";

  public boolean retry(Handle h, String jobId, Instant now) {
    return h.createUpdate(
                RESET
                    + " WHERE id = :id AND status IN ('dead', 'retryable') AND "
                    + RETRIABLE_KINDS)
            .bind("now", Columns.millis(now))
            .bind("id", jobId)
            .execute()
        == 1;
  }

  /** Retries the dead jobs matching the query's target and time window. */
  public int retryDead(Handle h, JobQuery query, Instant now) {
    Listing matching =
        new Listing("")
            .where("status = 'dead'")
            .where(RETRIABLE_KINDS)
            .equal("target", query.target())
            .window("created_at", query.since(), query.until());
    return matching
        .bind(h.createUpdate(RESET + matching.whereClause()))
        .bind("now", Columns.millis(now))
        .execute();
  }
}
