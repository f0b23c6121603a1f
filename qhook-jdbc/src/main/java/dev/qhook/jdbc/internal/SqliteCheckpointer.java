package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Copies the write-ahead log into the database file on its own thread and connection, so that no
 * commit pays for it. Left to SQLite, the commit that takes the log past 1,000 pages runs the
 * checkpoint itself, before it returns: it writes those pages into the database file and syncs it,
 * and the ingest request waiting for that commit waits for all of it (docs/benchmarks.md, "Steady
 * load"). The writer connection turns that off ({@code wal_autocheckpoint = 0}); this thread runs a
 * {@code PASSIVE} checkpoint every {@link #INTERVAL}, which takes no lock a writer or reader waits
 * for: it copies what no reader still needs and leaves the rest for the next round.
 */
final class SqliteCheckpointer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

  /** How often the log is copied; at 1,000 events/s about 1,000 pages accumulate in a second. */
  static final Duration INTERVAL = Duration.ofMillis(250);

  /** The writer's setting: commits never checkpoint. */
  static final String WRITER_INIT_SQL = "PRAGMA wal_autocheckpoint = 0";

  private final Connection connection;
  private final Thread thread;
  private volatile boolean running = true;

  private SqliteCheckpointer(Connection connection, String name) {
    this.connection = connection;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
  }

  /** Starts checkpointing {@code file} (already in WAL mode) until closed. */
  static SqliteCheckpointer start(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(SqliteDatabase.BUSY_TIMEOUT_MS);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    try {
      SqliteCheckpointer checkpointer =
          new SqliteCheckpointer(source.getConnection(), "qhook-sqlite-checkpoint");
      checkpointer.thread.start();
      return checkpointer;
    } catch (SQLException e) {
      throw new StoreException("opening the checkpoint connection to " + file, e);
    }
  }

  private void loop() {
    while (running) {
      try {
        TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      checkpoint();
    }
  }

  private void checkpoint() {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      // Busy or failing: the log waits for the next round, and no write waits for the log.
      log.debug("WAL checkpoint skipped: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws SQLException {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
