package dev.qhook.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.qhook.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a SQLite file for the store: WAL journal, a busy timeout, one writer connection (each write
 * sets {@code synchronous} for its own commit: {@code FULL}, on disk when the commit returns, or
 * {@code NORMAL} for {@link Durability#DEFERRED} writes; see {@link Dialect#SQLITE}), a small pool
 * of read-only readers, a {@link SqliteCheckpointer} that keeps log checkpoints out of the commits,
 * and the instance lock file.
 */
public final class SqliteDatabase {
  /** How long a connection waits for a lock held by a checkpoint or a reader, in ms. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteDatabase() {}

  public static Database open(Path file, int readers) {
    return open(file, readers, SqliteCheckpointer.RESET_FRAMES);
  }

  /** As {@link #open(Path, int)}, rewinding the log once it holds {@code resetFrames} frames. */
  static Database open(Path file, int readers, int resetFrames) {
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be >= 1, was " + readers);
    }
    Path absolute = file.toAbsolutePath();
    createParent(absolute);
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(SqliteFileLock.acquire(absolute));
    try {
      HikariDataSource writer = pool("qhook-sqlite-writer", absolute, 1, false);
      resources.add(writer);
      Lock writeLock = Database.singleWriterLock();
      resources.add(SqliteCheckpointer.start(absolute, writeLock, resetFrames));
      HikariDataSource reader = pool("qhook-sqlite-reader", absolute, readers, true);
      resources.add(reader);
      return new Database(Dialect.SQLITE, writer, reader, writeLock, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      if (e instanceof StoreException) {
        throw e;
      }
      throw new StoreException("opening the SQLite database " + absolute, e);
    }
  }

  private static HikariDataSource pool(String name, Path file, int size, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // The store never reads generated keys; without this the driver scans every INSERT for them.
    config.setGetGeneratedKeys(false);
    if (readOnly) {
      config.setReadOnly(true);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // each write sets its own
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setJournalSizeLimit(SqliteCheckpointer.JOURNAL_SIZE_LIMIT); // after a rewind
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file);

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(dataSource);
    hikari.setMaximumPoolSize(size);
    hikari.setReadOnly(readOnly);
    hikari.setMinimumIdle(readOnly ? 0 : 1);
    if (!readOnly) {
      hikari.setConnectionInitSql(SqliteCheckpointer.WRITER_INIT_SQL); // checkpoints run apart
    }
    // The writer is guarded by a lock; a wait here means a stuck connection, not contention.
    hikari.setConnectionTimeout(60_000);
    return new HikariDataSource(hikari);
  }

  private static void createParent(Path file) {
    Path parent = file.getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("creating the directory " + parent + " for the SQLite database", e);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception ignored) {
        // Reporting the failure to open matters more.
      }
    }
  }
}
