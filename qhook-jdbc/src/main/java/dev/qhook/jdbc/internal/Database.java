package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jspecify.annotations.Nullable;

/**
 * Runs units of work against the database: writes in a transaction (serialized when the database
 * has a single writer), reads outside one. Failures become {@link StoreException}s that name the
 * operation and carry the database's message, never the statement's arguments; {@link Failures}
 * tells a refused value and an unreachable database from other failures.
 */
public final class Database implements AutoCloseable {
  private final Dialect dialect;
  private final Jdbi writer;
  private final Jdbi reader;
  private final @Nullable Lock writeLock;
  private final List<AutoCloseable> resources;

  /**
   * @param writeLock when not null, every write holds it: one writer at a time
   * @param resources closed in reverse order by {@link #close()}
   */
  Database(
      Dialect dialect,
      DataSource writer,
      DataSource reader,
      @Nullable Lock writeLock,
      List<AutoCloseable> resources) {
    this.dialect = dialect;
    this.writer = configure(Jdbi.create(writer));
    this.reader = writer == reader ? this.writer : configure(Jdbi.create(reader));
    this.writeLock = writeLock;
    this.resources = new ArrayList<>(resources);
  }

  /** A single-writer database: writes take a fair lock so none waits forever. */
  static Lock singleWriterLock() {
    return new ReentrantLock(true);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in one transaction whose commit is on disk when this returns. */
  public <T> T write(String operation, HandleCallback<T, RuntimeException> work) {
    return write(operation, Durability.ON_COMMIT, work);
  }

  /** Runs {@code work} in one transaction, committed with the given durability. */
  public <T> T write(
      String operation, Durability durability, HandleCallback<T, RuntimeException> work) {
    if (writeLock != null) {
      writeLock.lock();
    }
    try {
      return writer.withHandle(h -> dialect.inTransaction(h, durability, work));
    } catch (JdbiException e) {
      throw Failures.of(operation, e);
    } finally {
      if (writeLock != null) {
        writeLock.unlock();
      }
    }
  }

  /** Runs {@code work} on a reading connection. */
  public <T> T read(String operation, HandleCallback<T, RuntimeException> work) {
    try {
      return reader.withHandle(work);
    } catch (JdbiException e) {
      throw Failures.of(operation, e);
    }
  }

  /** Whether a trivial query answers. Never throws. */
  public boolean ping() {
    try {
      return reader.withHandle((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
          == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new StoreException("closing the database", e);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private static Jdbi configure(Jdbi jdbi) {
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    return jdbi;
  }
}
