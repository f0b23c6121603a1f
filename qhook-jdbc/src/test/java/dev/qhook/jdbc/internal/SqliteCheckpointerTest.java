package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log checkpoints happen on the checkpointer's thread, never inside a commit. */
class SqliteCheckpointerTest {
  @TempDir Path dir;

  @Test
  void commitsNeverCheckpointTheLog() {
    try (Database db = SqliteDatabase.open(dir.resolve("q.db"), 1)) {
      int autocheckpoint =
          db.write("probe", h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(int.class).one());

      assertThat(autocheckpoint).isZero();
    }
  }

  @Test
  void theCheckpointerCopiesTheLogIntoTheDatabaseFile() throws IOException {
    Path file = dir.resolve("q.db");
    try (Database db = SqliteDatabase.open(file, 1)) {
      db.write("create", h -> h.execute("CREATE TABLE t (v TEXT)"));
      long before = Files.size(file);

      // About 2,000 pages of 4 KiB: more than SQLite's own checkpoint threshold of 1,000.
      for (int batch = 0; batch < 20; batch++) {
        db.write(
            "insert",
            h -> {
              for (int i = 0; i < 100; i++) {
                h.execute("INSERT INTO t VALUES (?)", "x".repeat(4000));
              }
              return null;
            });
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(Files.size(file)).isGreaterThan(before + 4_000_000L));
    }
  }
}
