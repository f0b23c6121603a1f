package dev.qhook.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.qhook.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a SQLite file for the store: WAL journal, {@code synchronous=FULL} (a commit is on disk
 * when it returns), a busy timeout, one writer connection, a second one for {@link
 * Durability#DEFERRED} writes ({@code synchronous=NORMAL}), a small pool of read-only readers, and
 * the instance lock file.
 */
public final class SqliteDatabase {
  /** How long a connection waits for a lock held by a checkpoint or a reader, in ms. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteDatabase() {}

  public static Database open(Path file, int readers) {
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be >= 1, was " + readers);
    }
    Path absolute = file.toAbsolutePath();
    createParent(absolute);
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(SqliteFileLock.acquire(absolute));
    try {
      HikariDataSource writer = pool("qhook-sqlite-writer", absolute, 1, Access.WRITE_DURABLE);
      resources.add(writer);
      HikariDataSource deferredWriter =
          pool("qhook-sqlite-deferred-writer", absolute, 1, Access.WRITE_DEFERRED);
      resources.add(deferredWriter);
      HikariDataSource reader = pool("qhook-sqlite-reader", absolute, readers, Access.READ);
      resources.add(reader);
      return new Database(
          Dialect.SQLITE, writer, deferredWriter, reader, Database.singleWriterLock(), resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      if (e instanceof StoreException) {
        throw e;
      }
      throw new StoreException("opening the SQLite database " + absolute, e);
    }
  }

  /**
   * What a pool's connections do. Both writers take the single-writer lock; WAL makes a commit of
   * the deferred writer ({@code synchronous=NORMAL}, not flushed) durable with the next commit of
   * the durable one ({@code synchronous=FULL}, flushed), because both append to the same log.
   */
  private enum Access {
    READ,
    WRITE_DURABLE,
    WRITE_DEFERRED
  }

  private static HikariDataSource pool(String name, Path file, int size, Access access) {
    boolean readOnly = access == Access.READ;
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // The store never reads generated keys; without this the driver scans every INSERT for them.
    config.setGetGeneratedKeys(false);
    if (readOnly) {
      config.setReadOnly(true);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(
          access == Access.WRITE_DURABLE
              ? SQLiteConfig.SynchronousMode.FULL
              : SQLiteConfig.SynchronousMode.NORMAL);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file);

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(dataSource);
    hikari.setMaximumPoolSize(size);
    hikari.setReadOnly(readOnly);
    hikari.setMinimumIdle(readOnly ? 0 : 1);
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
