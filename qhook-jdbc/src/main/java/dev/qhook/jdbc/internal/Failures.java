package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.ConnectionException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteException;

/**
 * Sorts a failed database call (docs/configuration.md, "Stores"): a value the database refuses
 * ({@link StoreRefusedException}: SQLState class 22 data exception, 23 integrity violation, 54
 * program limit such as an index row too large; SQLite's constraint, too-big and mismatch codes), a
 * database that cannot be reached or take work ({@link StoreUnavailableException}: connection
 * errors and timeouts, SQLState classes 08, 53, 57 and 58; SQLite's busy, locked, I/O, full,
 * corrupt and cannot-open codes; {@link MysqlErrors} for MySQL and MariaDB codes), or any other
 * failure ({@link StoreException}).
 *
 * <p>Messages carry the database's primary message only: never the statement's arguments (the
 * driver's batch message quotes every value) nor PostgreSQL's detail line (which quotes key
 * values).
 */
final class Failures {
  private static final Set<String> REFUSED_CLASSES = Set.of("22", "23", "54");
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "58");

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_NOMEM = 7;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_INTERRUPT = 9;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_PROTOCOL = 15;
  private static final int SQLITE_TOOBIG = 18;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_MISMATCH = 20;
  private static final int SQLITE_NOTADB = 26;
  private static final Set<Integer> SQLITE_REFUSED =
      Set.of(SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH);
  private static final Set<Integer> SQLITE_UNAVAILABLE =
      Set.of(
          SQLITE_BUSY,
          SQLITE_LOCKED,
          SQLITE_NOMEM,
          SQLITE_READONLY,
          SQLITE_INTERRUPT,
          SQLITE_IOERR,
          SQLITE_CORRUPT,
          SQLITE_FULL,
          SQLITE_CANTOPEN,
          SQLITE_PROTOCOL,
          SQLITE_NOTADB);

  /** PostgreSQL's message for a value too large for a B-tree index names the index. */
  private static final Pattern INDEX_ROW_TOO_BIG = Pattern.compile("for index \"([^\"]+)\"");

  /** What each index of the schema holds, for a refusal that names the index. */
  private static final Map<String, String> INDEXED_FIELDS =
      Map.of(
          "events_source_type", "the event type",
          "events_source_unique_key", "the idempotency key",
          "jobs_ordering", "an ordering key");

  private Failures() {}

  /** The store's exception for {@code failure} during {@code operation}. */
  static StoreException of(String operation, Throwable failure) {
    List<Throwable> chain = chain(failure);
    SQLException root = deepestSqlException(chain);
    String problem = root == null ? String.valueOf(failure.getMessage()) : describe(root);
    if (root != null && refused(root)) {
      return new StoreRefusedException(operation, refusal(root, problem), failure);
    }
    if (unavailable(chain, root)) {
      return new StoreUnavailableException(operation, problem, failure);
    }
    return new StoreException(operation, problem, failure);
  }

  private static boolean refused(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      return SQLITE_REFUSED.contains(sqlite.getResultCode().code & 0xFF);
    }
    return REFUSED_CLASSES.contains(sqlStateClass(e)) || MysqlErrors.refused(e);
  }

  private static boolean unavailable(List<Throwable> chain, @Nullable SQLException root) {
    for (Throwable t : chain) {
      if (t instanceof ConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SQLTimeoutException) {
        return true;
      }
    }
    if (root instanceof SQLiteException sqlite) {
      return SQLITE_UNAVAILABLE.contains(sqlite.getResultCode().code & 0xFF);
    }
    return root != null
        && (UNAVAILABLE_CLASSES.contains(sqlStateClass(root)) || MysqlErrors.unavailable(root));
  }

  /** What the database refused, fit for the client that sent the value. */
  private static String refusal(SQLException e, String problem) {
    String message = primaryMessage(e);
    if ("22021".equals(e.getSQLState()) && message.contains("0x00")) {
      return "a text value contains a NUL character (U+0000), which PostgreSQL cannot store";
    }
    String tooLong = MysqlErrors.tooLong(e, message);
    if (tooLong != null) {
      return tooLong;
    }
    Matcher index = INDEX_ROW_TOO_BIG.matcher(message);
    if ("54000".equals(e.getSQLState()) && index.find()) {
      String field = INDEXED_FIELDS.getOrDefault(index.group(1), "a value");
      return field + " is too long for the database's index (" + message + ")";
    }
    return "the database refused a value: " + problem;
  }

  /** The driver's account without arguments or detail lines. */
  private static String describe(SQLException e) {
    if (e instanceof SQLiteException) {
      return String.valueOf(e.getMessage());
    }
    String state = e.getSQLState();
    return primaryMessage(e) + (state == null ? "" : " (SQLState " + state + ")");
  }

  private static String primaryMessage(SQLException e) {
    if (e instanceof PSQLException psql) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return MysqlErrors.withoutValues(newline < 0 ? message : message.substring(0, newline));
  }

  /** The first two characters of the SQLState, or "" when the driver gave none. */
  private static String sqlStateClass(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.length() < 2 ? "" : state.substring(0, 2);
  }

  /**
   * The most specific SQL exception: a batch failure's next exception (the server's error for the
   * entry that failed) rather than the batch exception, whose message quotes the statement.
   */
  private static @Nullable SQLException deepestSqlException(List<Throwable> chain) {
    SQLException deepest = null;
    for (Throwable t : chain) {
      if (t instanceof SQLException sql) {
        deepest = sql;
      }
    }
    return deepest;
  }

  /** The failure, its causes and every SQL exception's next exceptions, outermost first. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable t = failure;
    while (t != null && seen.put(t, Boolean.TRUE) == null) {
      chain.add(t);
      Throwable next = t.getCause();
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        next = sql.getNextException();
      }
      t = next;
    }
    return chain;
  }
}
