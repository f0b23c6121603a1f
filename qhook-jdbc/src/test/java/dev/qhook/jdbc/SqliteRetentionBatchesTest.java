package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreException;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanup works in batches, one transaction each (docs/configuration.md, "Stores"): a cleanup that
 * fails midway keeps what it already deleted, and never holds the single writer for the whole
 * backlog.
 */
class SqliteRetentionBatchesTest {
  private static final int EVENTS = 3;
  private static final int JOBS_PER_EVENT = 1_000;

  @TempDir Path dir;
  private Path file;
  private JdbcStore store;

  @BeforeEach
  void open() {
    file = dir.resolve("qhook.db");
    store = JdbcStore.sqlite(file);
    store.migrate();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** 3,000 undelivered jobs, appended in bulk: 3 events of 1,000 jobs each. */
  private List<String> appendManyJobs() {
    List<NewEvent> events = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int e = 0; e < EVENTS; e++) {
      Event event = event(at(0));
      List<NewJob> jobs = new ArrayList<>();
      for (int j = 0; j < JOBS_PER_EVENT; j++) {
        NewJob job = handlerJob("h", at(0));
        jobs.add(job);
        ids.add(job.id());
      }
      events.add(new NewEvent(event, jobs));
    }
    store.append(events);
    return ids;
  }

  @Test
  void cleanupCommitsEachBatchSoAFailureMidwayKeepsWhatWasDeleted() throws SQLException {
    List<String> ids = appendManyJobs();
    store.expireJobs(at(100), at(600));
    String inTheSecondBatch = ids.stream().sorted().toList().get(1_500);
    keepJob(inTheSecondBatch);

    assertThatThrownBy(() -> store.deleteFinishedJobs(at(700)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("kept by the test");

    assertThat(jobCount()).isEqualTo(ids.size() - 1_000);
  }

  @Test
  void eventCleanupCommitsEachBatchToo() throws SQLException {
    List<String> eventIds = new ArrayList<>();
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      Event event = event(at(0));
      eventIds.add(event.id());
      events.add(new NewEvent(event, List.of()));
    }
    store.append(events);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement()
          .execute(
              "CREATE TRIGGER keep_event BEFORE DELETE ON events WHEN OLD.id = '"
                  + eventIds.get(1_500)
                  + "' BEGIN SELECT RAISE(ABORT, 'kept by the test'); END");
    }

    assertThatThrownBy(() -> store.deleteEvents(at(100))).isInstanceOf(StoreException.class);

    assertThat(count("events")).isEqualTo(1_500);
  }

  private void keepJob(String jobId) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement()
          .execute(
              "CREATE TRIGGER keep_job BEFORE DELETE ON jobs WHEN OLD.id = '"
                  + jobId
                  + "' BEGIN SELECT RAISE(ABORT, 'kept by the test'); END");
    }
  }

  private long jobCount() throws SQLException {
    return count("jobs");
  }

  private long count(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
