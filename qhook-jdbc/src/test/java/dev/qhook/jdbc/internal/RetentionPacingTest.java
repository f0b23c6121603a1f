package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanup leaves the database to the traffic: it pauses between batches in proportion to the time
 * each took, and finds its rows through indexes bounded by the cutoff, so that a large store with
 * nothing to delete is not scanned.
 */
class RetentionPacingTest {
  private static final long OLD = 1_000;
  private static final long NEW = 9_000_000;

  @TempDir Path dir;
  private Database db;
  private final List<Long> pauses = new ArrayList<>();
  private Retention retention;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("q.db"), 1);
    Migrations.migrate(db, Clock.systemUTC());
    retention = new Retention(db, pauses::add);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void pausesBetweenBatchesButNotAfterTheLast() {
    insertFinished(2_500, OLD);

    int deleted = retention.deleteFinishedJobs(Instant.ofEpochMilli(OLD + 1));

    assertThat(deleted).isEqualTo(2_500);
    assertThat(pauses)
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).isBetween(1L, Retention.MAX_PAUSE_MILLIS));
  }

  @Test
  void eventCleanupPausesBetweenBatchesToo() {
    insertFinished(1_500, OLD);

    int deleted = retention.deleteEvents(Instant.ofEpochMilli(OLD + 1));

    assertThat(deleted).isEqualTo(1_500);
    assertThat(pauses).hasSize(1);
    assertThat(count("jobs")).isZero();
  }

  @Test
  void cleanupWithNothingToDeleteReadsOnlyRowsOlderThanTheCutoff() {
    insertFinished(10, NEW);

    assertThat(plan(Retention.FINISHED_JOBS)).contains("jobs_created_at (created_at<?)");
    assertThat(plan(Retention.OLD_EVENTS)).contains("events_created_at (created_at<?)");
    assertThat(retention.deleteFinishedJobs(Instant.ofEpochMilli(OLD))).isZero();
    assertThat(retention.deleteEvents(Instant.ofEpochMilli(OLD))).isZero();
    assertThat(pauses).isEmpty();
  }

  @Test
  void theTtlSweepReadsTheIndexesOfUndeliveredJobs() {
    assertThat(Retention.EXPIRABLE).hasSize(2);
    assertThat(plan("SELECT id FROM jobs WHERE " + Retention.EXPIRABLE.get(0) + " LIMIT :batch"))
        .contains("jobs_due")
        .doesNotContain("TEMP B-TREE");
    assertThat(plan("SELECT id FROM jobs WHERE " + Retention.EXPIRABLE.get(1) + " LIMIT :batch"))
        .contains("jobs_queue_due")
        .doesNotContain("TEMP B-TREE");
  }

  /** {@code n} events, each with one completed job, created (and completed) at {@code at}. */
  private void insertFinished(int n, long at) {
    db.write(
        "test data",
        h -> {
          for (int i = 0; i < n; i++) {
            String event = String.format("ev%07d", i);
            h.execute(
                "INSERT INTO events (id, source, event_type, payload, headers, created_at)"
                    + " VALUES (?, 's', 't', '{}', '{}', ?)",
                event,
                at);
            insertJob(h, String.format("job%07d", i), event, at);
          }
          return null;
        });
  }

  private static void insertJob(Handle h, String id, String event, long at) {
    h.execute(
        "INSERT INTO jobs (id, event_id, kind, target, status, attempt, max_attempts,"
            + " scheduled_at, created_at, completed_at) VALUES (?, ?, 'handler', 'h', 'completed',"
            + " 1, 5, ?, ?, ?)",
        id,
        event,
        at,
        at,
        at);
  }

  private long count(String table) {
    return db.read(
        "count", h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(long.class).one());
  }

  private String plan(String sql) {
    return SqlitePlans.of(db, sql, Map.of("before", 1L, "batch", 5));
  }
}
