package dev.qhook.jdbc.internal;

import dev.qhook.StoreUnavailableException;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;

/**
 * What {@link Dialect#MYSQL} does differently from PostgreSQL, on MySQL 8.0+ and MariaDB 10.6+.
 *
 * <p><b>Key locks.</b> MySQL has no transaction-scoped advisory lock. A named lock ({@code
 * GET_LOCK}) belongs to the session, so the locks a transaction takes are released when its handle
 * closes, after the commit (the store opens one handle per write): a second claimer that waited for
 * the lock then reads the first one's committed claims, as with PostgreSQL's {@code
 * pg_advisory_xact_lock}. Names are hashed: MySQL limits them to 64 characters. Named locks outlive
 * DDL's implicit commits, so they also serialize migrations.
 *
 * <p><b>Deadlocks.</b> InnoDB takes next-key locks for unique checks, so two appends of overlapping
 * idempotency keys, or a claim and a completion, can deadlock even in key order; the server rolls
 * one back (error 1213). That transaction is run again, up to {@value #ATTEMPTS} times: every unit
 * of work the store runs only reads and writes the database.
 *
 * <p><b>Durability.</b> There is no per-transaction setting ({@code innodb_flush_log_at_trx_commit}
 * is server-wide), so {@link Durability#DEFERRED} commits like {@link Durability#ON_COMMIT}.
 */
final class MysqlDialect {
  /** How long a transaction waits for a named lock before the store gives up, in seconds. */
  static final int LOCK_TIMEOUT_SECONDS = 60;

  static final int ATTEMPTS = 3;

  private static final int ER_LOCK_DEADLOCK = 1213;

  private MysqlDialect() {}

  static void lockKeys(Handle handle, List<String> keys) {
    List<String> sorted = keys.stream().sorted().distinct().toList();
    if (sorted.isEmpty()) {
      return;
    }
    handle.addCleanable(() -> releaseAll(handle));
    for (String key : sorted) {
      Integer got =
          handle
              .createQuery("SELECT GET_LOCK(SHA1(:key), :timeout)")
              .bind("key", key)
              .bind("timeout", LOCK_TIMEOUT_SECONDS)
              .mapTo(Integer.class)
              .one();
      if (got == null || got != 1) {
        throw new StoreUnavailableException(
            "taking the lock " + key,
            "not granted within " + LOCK_TIMEOUT_SECONDS + " s",
            new IllegalStateException("GET_LOCK returned " + got));
      }
    }
  }

  private static void releaseAll(Handle handle) {
    try {
      handle.createQuery("SELECT RELEASE_ALL_LOCKS()").mapTo(Integer.class).one();
    } catch (RuntimeException e) {
      // A broken connection has lost its locks with its session.
    }
  }

  static <T> T inTransaction(Handle handle, HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return handle.inTransaction(work);
      } catch (JdbiException e) {
        if (attempt >= ATTEMPTS || !deadlock(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean deadlock(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (sql.getErrorCode() == ER_LOCK_DEADLOCK || "40001".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
