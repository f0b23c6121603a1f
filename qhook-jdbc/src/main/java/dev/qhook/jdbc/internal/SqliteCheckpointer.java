package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Copies the write-ahead log into the database file on its own thread and connection, so that no
 * commit pays for it, and keeps the log from growing without bound.
 *
 * <p>Left to SQLite, the commit that takes the log past 1,000 pages runs the checkpoint itself,
 * before it returns: it writes those pages into the database file and syncs it, and the ingest
 * request waiting for that commit waits for all of it (docs/benchmarks.md, "Steady load"). The
 * writer connection turns that off ({@code wal_autocheckpoint = 0}); this thread runs a {@code
 * PASSIVE} checkpoint every {@link #INTERVAL}, which takes no lock a writer or reader waits for: it
 * copies what no reader still needs and leaves the rest for the next round.
 *
 * <p>A passive checkpoint alone never lets the log start over under a steady stream of writes:
 * SQLite rewinds the log only when a writer finds every frame copied and no reader using it, and
 * while commits keep coming the copy is always a few frames behind. The log then grew by every
 * write (4.9 GB in a 12-minute benchmark), and every read searched an index of all its frames. So
 * once the log holds {@link #RESET_FRAMES} frames (by default), a round also takes the store's
 * writer lock for a moment: no commit can append while it copies the last frames and then waits,
 * briefly, for the readers to leave the log ({@code RESTART}); the next commit writes from the
 * start of the log, and {@link #JOURNAL_SIZE_LIMIT} trims the file back.
 */
final class SqliteCheckpointer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

  /** How often the log is copied; at 1,000 events/s about 1,000 pages accumulate in a second. */
  static final Duration INTERVAL = Duration.ofMillis(250);

  /**
   * A log this long (frames of one page, 64 MiB at 4 KiB pages) is copied and rewound under the
   * writer lock: at 1,000 events/s about once every 30 s, a pause of a few milliseconds.
   */
  static final int RESET_FRAMES = 16_384;

  /** How long the rewind waits for readers to leave the log before it tries again next round. */
  static final Duration RESET_READER_WAIT = Duration.ofMillis(20);

  /** The size the writer trims a rewound log file back to, in bytes. */
  static final int JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

  /** The writer's setting: commits never checkpoint. */
  static final String WRITER_INIT_SQL = "PRAGMA wal_autocheckpoint = 0";

  private final Connection connection;
  private final Lock writeLock;
  private final int resetFrames;
  private final Thread thread;
  private volatile boolean running = true;

  private SqliteCheckpointer(Connection connection, Lock writeLock, int resetFrames) {
    this.connection = connection;
    this.writeLock = writeLock;
    this.resetFrames = resetFrames;
    this.thread = new Thread(this::loop, "qhook-sqlite-checkpoint");
    thread.setDaemon(true);
  }

  /**
   * Starts checkpointing {@code file} (already in WAL mode) until closed.
   *
   * @param writeLock the lock every write of the store holds
   * @param resetFrames the log's length, in frames, at which a round also rewinds it
   */
  static SqliteCheckpointer start(Path file, Lock writeLock, int resetFrames) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) RESET_READER_WAIT.toMillis());
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    try {
      SqliteCheckpointer checkpointer =
          new SqliteCheckpointer(source.getConnection(), writeLock, resetFrames);
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
      round();
    }
  }

  /** One round: a passive copy, and a rewind under the writer lock once the log is long. */
  private void round() {
    int frames = checkpoint("PASSIVE");
    if (frames < resetFrames) {
      return;
    }
    writeLock.lock();
    try {
      checkpoint("RESTART");
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs a checkpoint; returns the frames in the log, or 0 when it could not run. */
  private int checkpoint(String mode) {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      return r.next() ? r.getInt(2) : 0; // busy, frames in the log, frames copied
    } catch (SQLException e) {
      // Busy or failing: the log waits for the next round, and no write waits for the log.
      log.debug("WAL checkpoint ({}) skipped: {}", mode, e.getMessage());
      return 0;
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
