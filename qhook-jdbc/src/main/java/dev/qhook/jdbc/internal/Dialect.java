package dev.qhook.jdbc.internal;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

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
}
