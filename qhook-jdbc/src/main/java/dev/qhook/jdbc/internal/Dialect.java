package dev.qhook.jdbc.internal;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/** What differs between the databases, beyond the migration scripts. */
public enum Dialect {
  /** One writer connection per file: writes are serialized, so nothing needs row locks. */
  SQLITE {
    @Override
    String lockRowsClause() {
      return "";
    }

    @Override
    void lockKeys(Handle handle, List<String> keys) {
      // The single writer connection already serializes every write transaction.
    }

    @Override
    void prepareClaim(Handle handle) {
      // SQLite's planner already walks the due-jobs index in claim order.
    }

    /**
     * Sets {@code synchronous} on the one writer connection before the transaction begins (SQLite
     * refuses to change it inside one): {@code FULL} flushes the log at commit, {@code NORMAL}
     * leaves that to the next {@code FULL} commit, which flushes the same log. One connection keeps
     * one page cache; a second writer connection would make each empty the other's at every turn.
     */
    @Override
    <T> T inTransaction(
        Handle handle, Durability durability, HandleCallback<T, RuntimeException> work) {
      handle.execute(
          durability == Durability.DEFERRED
              ? "PRAGMA synchronous = NORMAL"
              : "PRAGMA synchronous = FULL");
      return handle.inTransaction(work);
    }
  },

  /** Many writers: claims skip rows other transactions hold; advisory locks guard counters. */
  POSTGRES {
    @Override
    String lockRowsClause() {
      return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    void lockKeys(Handle handle, List<String> keys) {
      keys.stream()
          .sorted()
          .distinct()
          .forEach(
              key ->
                  handle
                      .createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                      .bind("key", key)
                      .map((rs, ctx) -> 1)
                      .one());
    }

    /**
     * Without statistics (a table not yet analyzed, e.g. right after a backlog was loaded into a
     * new database) the planner guesses that few jobs are due and reads them all with a bitmap scan
     * and a sort: 30 ms for 50,000 due jobs, growing with the backlog. Walking the due-jobs index
     * in claim order stops after the first rows and is right whatever the statistics say; making
     * sorts the last resort steers the planner to it, while the count of running jobs per limited
     * target keeps its bitmap scan (disabling bitmap scans would turn that count into a sequential
     * scan).
     */
    @Override
    void prepareClaim(Handle handle) {
      handle.execute("SET LOCAL enable_sort = off");
    }

    /**
     * The commit returns before its WAL record is flushed; any later synchronous commit flushes the
     * WAL up to and including it.
     */
    @Override
    <T> T inTransaction(
        Handle handle, Durability durability, HandleCallback<T, RuntimeException> work) {
      return handle.inTransaction(
          h -> {
            if (durability == Durability.DEFERRED) {
              h.execute("SET LOCAL synchronous_commit = off");
            }
            return work.withHandle(h);
          });
    }
  },

  /**
   * MySQL 8.0+ and MariaDB 10.6+: many writers; claims skip rows other transactions hold; named
   * locks ({@code GET_LOCK}) guard counters. See {@link MysqlDialect}.
   */
  MYSQL {
    @Override
    String lockRowsClause() {
      return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    void lockKeys(Handle handle, List<String> keys) {
      MysqlDialect.lockKeys(handle, keys);
    }

    @Override
    void prepareClaim(Handle handle) {
      // The claim walks the index of due jobs by its own virtual column (V3__queue_indexes.sql).
    }

    /** No per-transaction durability: every commit is flushed as the server is configured. */
    @Override
    <T> T inTransaction(
        Handle handle, Durability durability, HandleCallback<T, RuntimeException> work) {
      return MysqlDialect.inTransaction(handle, work);
    }
  };

  /** The folder of this dialect's scripts under {@code db/migration}. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Appended to a SELECT whose rows the transaction is about to update. */
  abstract String lockRowsClause();

  /**
   * Serializes transactions that name the same keys, until the current transaction ends. Keys are
   * taken in sorted order so two transactions cannot deadlock on them.
   */
  abstract void lockKeys(Handle handle, List<String> keys);

  /** Settings for the claim statement, until the current transaction ends. */
  abstract void prepareClaim(Handle handle);

  /** Runs {@code work} in one transaction on {@code handle}, committed with {@code durability}. */
  abstract <T> T inTransaction(
      Handle handle, Durability durability, HandleCallback<T, RuntimeException> work);
}
