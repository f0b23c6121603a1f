package dev.qhook.jdbc.internal;

import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The event TTL sweep and cleanup ({@code delivery.event_ttl}, {@code worker.retention_hours} and
 * {@code retention.events}: docs/reference/configuration.md, "delivery", "worker", "retention").
 * Each works through the rows in batches of {@value #BATCH}, one transaction per batch: no
 * statement binds more parameters than SQLite allows, and no transaction holds SQLite's single
 * writer, or PostgreSQL's row locks, for the whole backlog. Finished jobs go with their attempts;
 * an event goes once none of its jobs is open, together with its finished jobs and their attempts.
 */
public final class Retention {
  /** Rows per batch and transaction. */
  static final int BATCH = 1_000;

  private static final String FINISHED_BEFORE =
      "status IN "
          + Columns.FINISHED_STATUSES
          + " AND COALESCE(completed_at, created_at) < :before";
  private static final String NO_OPEN_JOB =
      "NOT EXISTS (SELECT 1 FROM jobs j WHERE j.event_id = events.id AND j.status IN "
          + Columns.OPEN_STATUSES
          + ")";
  private static final String EXPIRABLE =
      "kind IN ('handler', 'queue', 'outbound') AND status IN ('available', 'retryable')"
          + " AND created_at < :before";

  private final Database db;

  public Retention(Database db) {
    this.db = db;
  }

  /** The event TTL sweep: undelivered jobs past the cutoff go dead. Returns them. */
  public List<Job> expireJobs(Instant createdBefore, Instant now) {
    long before = Columns.millis(createdBefore);
    String sql =
        "UPDATE jobs SET status = 'dead', last_error = :error, completed_at = :now,"
            + " lease_until = NULL WHERE id IN (SELECT id FROM jobs WHERE "
            + EXPIRABLE
            + " ORDER BY id LIMIT :batch"
            + db.dialect().lockRowsClause()
            + ") AND "
            + EXPIRABLE
            + " RETURNING "
            + Columns.JOB;
    List<Job> expired = new ArrayList<>();
    List<Job> batch;
    do {
      batch =
          db.write(
              "expiring jobs past the event TTL",
              h ->
                  db.dialect() == Dialect.MYSQL
                      ? expireBatchInTwoSteps(h, before, now)
                      : h.createQuery(sql)
                          .bind("error", LostJobs.TTL_EXPIRED)
                          .bind("now", Columns.millis(now))
                          .bind("before", before)
                          .bind("batch", BATCH)
                          .map((rs, ctx) -> Columns.job(rs))
                          .list());
      expired.addAll(batch);
    } while (batch.size() == BATCH);
    expired.sort((a, b) -> a.id().compareTo(b.id()));
    return expired;
  }

  /**
   * One batch of the TTL sweep where {@code UPDATE ... RETURNING} is missing (MySQL): the expirable
   * jobs are locked, updated by id and read back.
   */
  private List<Job> expireBatchInTwoSteps(Handle h, long before, Instant now) {
    List<String> ids =
        h.createQuery(
                "SELECT id FROM jobs WHERE "
                    + EXPIRABLE
                    + " ORDER BY id LIMIT :batch"
                    + db.dialect().lockRowsClause())
            .bind("before", before)
            .bind("batch", BATCH)
            .mapTo(String.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    h.createUpdate(
            "UPDATE jobs SET status = 'dead', last_error = :error, completed_at = :now,"
                + " lease_until = NULL WHERE id IN (<ids>)")
        .bind("error", LostJobs.TTL_EXPIRED)
        .bind("now", Columns.millis(now))
        .bindList("ids", ids)
        .execute();
    return JobReader.byIds(h, ids);
  }

  /** Deletes finished jobs past the cutoff with their attempts; returns how many jobs. */
  public int deleteFinishedJobs(Instant finishedBefore) {
    long before = Columns.millis(finishedBefore);
    int deleted = 0;
    int found;
    do {
      int[] counts =
          db.write(
              "deleting finished jobs",
              h -> {
                List<String> ids =
                    h.createQuery(
                            "SELECT id FROM jobs WHERE "
                                + FINISHED_BEFORE
                                + " ORDER BY id LIMIT :batch"
                                + db.dialect().lockRowsClause())
                        .bind("before", before)
                        .bind("batch", BATCH)
                        .mapTo(String.class)
                        .list();
                if (ids.isEmpty()) {
                  return new int[] {0, 0};
                }
                h.createUpdate("DELETE FROM job_attempts WHERE job_id IN (<ids>)")
                    .bindList("ids", ids)
                    .execute();
                int jobs =
                    h.createUpdate("DELETE FROM jobs WHERE id IN (<ids>)")
                        .bindList("ids", ids)
                        .execute();
                return new int[] {ids.size(), jobs};
              });
      found = counts[0];
      deleted += counts[1];
    } while (found == BATCH);
    return deleted;
  }

  /** Deletes events created before the cutoff that have no open job; returns how many. */
  public int deleteEvents(Instant createdBefore) {
    long before = Columns.millis(createdBefore);
    int deleted = 0;
    int found;
    do {
      int[] counts =
          db.write(
              "deleting old events",
              h -> {
                List<String> ids =
                    h.createQuery(
                            "SELECT id FROM events WHERE created_at < :before AND "
                                + NO_OPEN_JOB
                                + " ORDER BY id LIMIT :batch"
                                + db.dialect().lockRowsClause())
                        .bind("before", before)
                        .bind("batch", BATCH)
                        .mapTo(String.class)
                        .list();
                if (ids.isEmpty()) {
                  return new int[] {0, 0};
                }
                String finishedJobsOfThem =
                    "status IN " + Columns.FINISHED_STATUSES + " AND event_id IN (<ids>)";
                h.createUpdate(
                        "DELETE FROM job_attempts WHERE job_id IN (SELECT id FROM jobs WHERE "
                            + finishedJobsOfThem
                            + ")")
                    .bindList("ids", ids)
                    .execute();
                h.createUpdate("DELETE FROM jobs WHERE " + finishedJobsOfThem)
                    .bindList("ids", ids)
                    .execute();
                // Re-checked: a concurrent retry may have reopened a job of the event.
                int events =
                    h.createUpdate("DELETE FROM events WHERE id IN (<ids>) AND " + NO_OPEN_JOB)
                        .bindList("ids", ids)
                        .execute();
                return new int[] {ids.size(), events};
              });
      found = counts[0];
      deleted += counts[1];
    } while (found == BATCH);
    return deleted;
  }
}
