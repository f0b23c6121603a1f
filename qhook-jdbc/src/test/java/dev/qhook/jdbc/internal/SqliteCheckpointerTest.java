package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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

  @Test
  void theLogStartsOverUnderAStreamOfCommitsWithReadersAlongside() throws Exception {
    Path file = dir.resolve("q.db");
    Path log = dir.resolve("q.db-wal");
    int resetFrames = 256; // 1 MiB of 4 KiB pages
    try (Database db = SqliteDatabase.open(file, 2, resetFrames)) {
      db.write("create", h -> h.execute("CREATE TABLE t (v TEXT)"));
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread reader =
          new Thread(
              () -> {
                while (writing.get()) {
                  db.read(
                      "last",
                      h -> h.createQuery("SELECT max(rowid) FROM t").mapTo(long.class).one());
                }
              });
      reader.start();
      long largestLog = 0;
      long written = 0;
      try {
        // Commits back to back for at least 3 s (about ten checkpoint rounds): the passive copy is
        // always a few commits behind, so only a rewind under the writer lock lets the log restart.
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() - until < 0 || written < 8_000_000L) {
          db.write(
              "insert",
              Durability.DEFERRED,
              h -> {
                for (int i = 0; i < 20; i++) {
                  h.execute("INSERT INTO t VALUES (?)", "x".repeat(4000));
                }
                return null;
              });
          written += 20 * 4096;
          largestLog = Math.max(largestLog, Files.exists(log) ? Files.size(log) : 0);
        }
      } finally {
        writing.set(false);
        reader.join();
      }

      // Without the rewind the log held every page written (40 MB of 35 MB written, measured);
      // with it, the pages of a round or two.
      assertThat(largestLog).isLessThan(written / 2);
    }
  }
}
