package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreException;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import dev.qhook.testkit.store.StoreFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a SQLite file has: durability across reopen, the instance lock, its pragmas. */
class SqliteStoreFileTest {
  @TempDir Path dir;

  @Test
  void anAppendedEventIsReadBackByTheNextStoreOnTheFile() {
    Path file = dir.resolve("data/qhook.db");
    Event event = event(at(0));
    NewJob job = handlerJob("billing", at(0));
    try (JdbcStore first = JdbcStore.sqlite(file)) {
      first.migrate();
      first.append(List.of(newEvent(event, job)));
    }

    try (JdbcStore second = JdbcStore.sqlite(file)) {
      second.migrate();
      assertThat(second.event(event.id())).get().extracting(Event::source).isEqualTo("app");
      assertThat(second.jobs(JobQuery.forEvent(event.id())).items()).hasSize(1);
    }
  }

  @Test
  void aClaimedJobWhoseEventIsGoneGoesDeadAndOthersAreStillHandedOut() throws SQLException {
    Path file = dir.resolve("qhook.db");
    try (JdbcStore store = JdbcStore.sqlite(file)) {
      store.migrate();
      Event broken = event(at(0));
      Event fine = event(at(1));
      NewJob orphan = handlerJob("h", at(0));
      NewJob healthy = handlerJob("h", at(1));
      store.append(List.of(newEvent(broken, orphan), newEvent(fine, healthy)));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        c.createStatement().execute("DELETE FROM events WHERE id = '" + broken.id() + "'");
      }

      List<ClaimedJob> claimed = store.claim(StoreFixtures.claimAll(at(2), 10));

      assertThat(claimed).extracting(cj -> cj.job().id()).containsExactly(healthy.id());
      assertThat(store.job(orphan.id()).orElseThrow())
          .satisfies(
              j -> {
                assertThat(j.status()).isEqualTo(JobStatus.DEAD);
                assertThat(j.lastError()).isEqualTo("event missing");
              });
    }
  }

  @Test
  void aSecondStoreOnTheSameFileInThisProcessIsRefused() {
    Path file = dir.resolve("qhook.db");
    try (JdbcStore first = JdbcStore.sqlite(file)) {
      assertThatThrownBy(() -> JdbcStore.sqlite(file))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("in use by another qhook instance")
          .hasMessageContaining(file.toString());
      assertThat(first.ping()).isTrue();
    }
  }

  @Test
  void aSecondProcessOnTheSameFileIsRefusedUntilTheFirstCloses() throws Exception {
    Path file = dir.resolve("qhook.db");
    try (JdbcStore first = JdbcStore.sqlite(file)) {
      first.migrate();
      ProbeResult refused = probe(file);
      assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
      assertThat(refused.output()).contains("is in use by another qhook instance");
    }
    ProbeResult opened = probe(file);
    assertThat(opened.exitCode()).as(opened.output()).isZero();
    assertThat(opened.output()).contains("opened, ping=true");
  }

  @Test
  void theFileUsesWalAndIsNotSharedAcrossInstances() throws SQLException {
    Path file = dir.resolve("qhook.db");
    try (JdbcStore store = JdbcStore.sqlite(file)) {
      store.migrate();
      assertThat(store.sharedAcrossInstances()).isFalse();
      assertThat(store.databaseName()).isEqualTo("sqlite");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet journal = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      journal.next();
      assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void migrateRecordsTheSchemaVersionOnce() throws SQLException {
    Path file = dir.resolve("qhook.db");
    try (JdbcStore store = JdbcStore.sqlite(file)) {
      store.migrate();
      store.migrate();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows =
            c.createStatement().executeQuery("SELECT version, script FROM schema_version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("V1__init.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
      assertThat(rows.getString(2)).isEqualTo("V2__lean_job_indexes.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(3);
      assertThat(rows.getString(2)).isEqualTo("V3__queue_indexes.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(4);
      assertThat(rows.getString(2)).isEqualTo("V4__workflows.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(5);
      assertThat(rows.getString(2)).isEqualTo("V5__outbound.sql");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void aVersionOneDatabaseKeepsItsJobsAndGetsTheLeanJobIndexes() throws Exception {
    Path file = dir.resolve("qhook.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      String v1;
      try (var in = getClass().getResourceAsStream("/db/migration/sqlite/V1__init.sql")) {
        v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String statement : v1.split(";")) {
        if (!statement.isBlank()) {
          c.createStatement().execute(statement);
        }
      }
      c.createStatement()
          .execute(
              "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                  + " applied_at BIGINT NOT NULL)");
      c.createStatement().execute("INSERT INTO schema_version VALUES (1, 'V1__init.sql', 0)");
      c.createStatement()
          .execute(
              "INSERT INTO jobs (id, event_id, kind, target, status, attempt, max_attempts,"
                  + " scheduled_at, created_at) VALUES ('j1', 'e1', 'handler', 'h', 'dead', 1, 1,"
                  + " 0, 0)");
    }

    try (JdbcStore store = JdbcStore.sqlite(file)) {
      store.migrate();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs'"
                        + " AND sql IS NOT NULL ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      assertThat(names)
          .contains("jobs_running", "jobs_dead", "jobs_due", "jobs_target")
          .doesNotContain("jobs_leased", "jobs_target_status");
      try (ResultSet dead =
          c.createStatement()
              .executeQuery(
                  "SELECT COUNT(*) FROM jobs INDEXED BY jobs_dead WHERE status = 'dead'")) {
        assertThat(dead.next()).isTrue();
        assertThat(dead.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aDirectoryInPlaceOfTheFileGivesAClearError() throws IOException {
    Path file = Files.createDirectories(dir.resolve("qhook.db"));
    assertThatThrownBy(() -> JdbcStore.sqlite(file).migrate())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  private record ProbeResult(int exitCode, String output) {}

  private static ProbeResult probe(Path file) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SqliteLockProbe.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe process did not finish");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new ProbeResult(process.exitValue(), output);
  }
}
