package dev.qhook.jdbc.internal;

import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The event TTL sweep and cleanup ({@code delivery.event_ttl}, {@code worker.retention_hours} and
 * {@code retention.events}: docs/reference/configuration.md, "delivery", "worker", "retention").
 * Each works through the rows in batches of {@value #BATCH}, one transaction per batch: no
 * statement binds more parameters than SQLite allows, and no transaction holds SQLite's single
 * writer, or PostgreSQL's row locks, for the whole backlog. Finished jobs go with their attempts;
 * an event goes once none of its jobs is open, together with its finished jobs and their attempts.
 *
 * <p>Each batch finds its rows through an index bounded by the cutoff ({@code created_at}, or the
 * partial index of undelivered jobs), so that a store of millions of rows with nothing to delete
 * costs a cleanup nothing. Cleanup yields to the traffic: after each batch it pauses {@value
 * #PAUSE_PER_BATCH_TIME} times as long as the batch took (at most {@link #MAX_PAUSE_MILLIS} ms), so
 * that it holds the database at most a tenth of the time while deleting a large backlog, and its
 * commits are {@link Durability#DEFERRED}: a delete lost in a crash is redone by the next cleanup.
 */
public final class Retention {
  /** Rows per batch and transaction. */
  static final int BATCH = 1_000;

  /** The pause after a cleanup batch, in multiples of the time the batch took. */
  static final int PAUSE_PER_BATCH_TIME = 9;

  static final long MAX_PAUSE_MILLIS = 1_000;

  // A job finished before the cutoff was created before it: created_at bounds the index scan.
  private static final String FINISHED_BEFORE =
      "created_at < :before AND status IN "
          + Columns.FINISHED_STATUSES
          + " AND COALESCE(completed_at, created_at) < :before";
  private static final String NO_OPEN_JOB =
      "NOT EXISTS (SELECT 1 FROM jobs j WHERE j.event_id = events.id AND j.status IN "
          + Columns.OPEN_STATUSES
          + ") AND NOT EXISTS (SELECT 1 FROM workflow_runs r WHERE r.event_id = events.id"
          + " AND r.status = 'running')";

  /** One batch of finished jobs past the cutoff ({@code :before}). */
  static final String FINISHED_JOBS =
      "SELECT id FROM jobs WHERE " + FINISHED_BEFORE + " ORDER BY created_at, id LIMIT :batch";

  /** One batch of events past the cutoff ({@code :before}) that no open job or run needs. */
  static final String OLD_EVENTS =
      "SELECT id FROM events WHERE created_at < :before AND "
          + NO_OPEN_JOB
          + " ORDER BY created_at, id LIMIT :batch";

  /**
   * The undelivered jobs the TTL sweep expires, in two parts written and ordered as the partial
   * indexes of undelivered jobs are (jobs_due, jobs_queue_due): the sweep reads those indexes
   * instead of every job created before the cutoff.
   */
  static final List<String> EXPIRABLE =
      List.of(
          "status IN ('available', 'retryable') AND kind <> 'queue'"
              + " AND kind IN ('handler', 'outbound') AND created_at < :before"
              + " ORDER BY scheduled_at, id",
          "status IN ('available', 'retryable') AND kind = 'queue' AND created_at < :before"
              + " ORDER BY target, scheduled_at, id");

  private final Database db;
  private final LongConsumer pause;

  public Retention(Database db) {
    this(db, Retention::sleep);
  }

  /** With {@code pause} taking the milliseconds to wait between cleanup batches. */
  Retention(Database db, LongConsumer pause) {
    this.db = db;
    this.pause = pause;
  }

  /** The event TTL sweep: undelivered jobs past the cutoff go dead. Returns them. */
  public List<Job> expireJobs(Instant createdBefore, Instant now) {
    long before = Columns.millis(createdBefore);
    List<Job> expired = new ArrayList<>();
    for (String expirable : EXPIRABLE) {
      String sql =
          "UPDATE jobs SET status = 'dead', last_error = :error, completed_at = :now,"
              + " lease_until = NULL WHERE id IN (SELECT id FROM jobs WHERE "
              + expirable
              + " LIMIT :batch"
              + db.dialect().lockRowsClause()
              + ") AND status IN ('available', 'retryable') RETURNING "
              + Columns.JOB;
      List<Job> batch;
      do {
        batch =
            db.write(
                "expiring jobs past the event TTL",
                h ->
                    db.dialect() == Dialect.MYSQL
                        ? expireBatchInTwoSteps(h, expirable, before, now)
                        : h.createQuery(sql)
                            .bind("error", LostJobs.TTL_EXPIRED)
                            .bind("now", Columns.millis(now))
                            .bind("before", before)
                            .bind("batch", BATCH)
                            .map((rs, ctx) -> Columns.job(rs))
                            .list());
        expired.addAll(batch);
      } while (batch.size() == BATCH);
    }
    expired.sort((a, b) -> a.id().compareTo(b.id()));
    return expired;
  }

  /**
   * One batch of the TTL sweep where {@code UPDATE ... RETURNING} is missing (MySQL): the expirable
   * jobs are locked, updated by id and read back.
   */
  private List<Job> expireBatchInTwoSteps(Handle h, String expirable, long before, Instant now) {
    List<String> ids =
        h.createQuery(
                "SELECT id FROM jobs WHERE "
                    + expirable
                    + " LIMIT :batch"
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
      long started = System.nanoTime();
      int[] counts =
          db.write(
              "deleting finished jobs",
              Durability.DEFERRED,
              h -> {
                List<String> ids =
                    h.createQuery(FINISHED_JOBS + db.dialect().lockRowsClause())
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
                h.createUpdate("DELETE FROM workflow_steps WHERE job_id IN (<ids>)")
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
      yieldAfter(started, found);
    } while (found == BATCH && !Thread.currentThread().isInterrupted());
    return deleted;
  }

  /** Deletes events created before the cutoff that have no open job; returns how many. */
  public int deleteEvents(Instant createdBefore) {
    long before = Columns.millis(createdBefore);
    int deleted = 0;
    int found;
    do {
      long started = System.nanoTime();
      int[] counts =
          db.write(
              "deleting old events",
              Durability.DEFERRED,
              h -> {
                List<String> ids =
                    h.createQuery(OLD_EVENTS + db.dialect().lockRowsClause())
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
                h.createUpdate(
                        "DELETE FROM workflow_steps WHERE job_id IN (SELECT id FROM jobs WHERE "
                            + finishedJobsOfThem
                            + ")")
                    .bindList("ids", ids)
                    .execute();
                h.createUpdate("DELETE FROM jobs WHERE " + finishedJobsOfThem)
                    .bindList("ids", ids)
                    .execute();
                String finishedRunsOfThem = "status <> 'running' AND event_id IN (<ids>)";
                h.createUpdate(
                        "DELETE FROM callback_tokens WHERE run_id IN (SELECT id FROM"
                            + " workflow_runs WHERE "
                            + finishedRunsOfThem
                            + ")")
                    .bindList("ids", ids)
                    .execute();
                h.createUpdate("DELETE FROM workflow_runs WHERE " + finishedRunsOfThem)
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
      yieldAfter(started, found);
    } while (found == BATCH && !Thread.currentThread().isInterrupted());
    return deleted;
  }

  /** Between two cleanup batches: gives the database back to the traffic for a while. */
  private void yieldAfter(long startedNanos, int found) {
    if (found == BATCH) {
      long took = (System.nanoTime() - startedNanos) / 1_000_000;
      pause.accept(Math.min(MAX_PAUSE_MILLIS, Math.max(1, took * PAUSE_PER_BATCH_TIME)));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
