package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <database file>.lock}, held while a store has the file open, so
 * that a second qhook on the same SQLite file refuses to start (docs/reference/configuration.md,
 * "database") instead of sharing jobs with a process it cannot coordinate with. The lock file
 * itself is left in place.
 */
final class SqliteFileLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SqliteFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFileOf(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
  }

  static SqliteFileLock acquire(Path databaseFile) {
    Path lockFile = lockFileOf(databaseFile);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("opening the SQLite lock file " + lockFile, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("locking the SQLite lock file " + lockFile, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new StoreException(
          "the SQLite database "
              + databaseFile
              + " is in use by another qhook instance (lock file "
              + lockFile
              + "); SQLite serves one instance: stop the other one, or use PostgreSQL to run"
              + " several");
    }
    return new SqliteFileLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was locked; the open failure is the one to report.
    }
  }
}
