package dev.qhook.jdbc.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB error codes ({@link SQLException#getErrorCode()}) for {@link Failures}: their
 * SQLStates are often the generic {@code HY000} (an incorrect string value, a lock wait timeout, a
 * read-only server), so the code decides. PostgreSQL's driver reports no code (0) and SQLite's are
 * read apart, so a positive code here is the server's or MariaDB Connector/J's.
 */
final class MysqlErrors {
  /** A value the server refuses: it fails again however often it is retried. */
  private static final Set<Integer> REFUSED =
      Set.of(
          1048, // ER_BAD_NULL_ERROR: a required value is missing
          1062, // ER_DUP_ENTRY
          1264, // ER_WARN_DATA_OUT_OF_RANGE
          1292, // ER_TRUNCATED_WRONG_VALUE
          1300, // ER_INVALID_CHARACTER_STRING
          1366, // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: "Incorrect string value"
          1406, // ER_DATA_TOO_LONG
          4025 // ER_CONSTRAINT_FAILED (MariaDB)
          );

  /** A server that cannot be reached or cannot take work now. */
  private static final Set<Integer> UNAVAILABLE =
      Set.of(
          1021, // ER_DISK_FULL
          1037, // ER_OUTOFMEMORY
          1040, // ER_CON_COUNT_ERROR: too many connections
          1053, // ER_SERVER_SHUTDOWN
          1114, // ER_RECORD_FILE_FULL
          1205, // ER_LOCK_WAIT_TIMEOUT
          1213, // ER_LOCK_DEADLOCK (still deadlocked after the retries)
          1290, // ER_OPTION_PREVENTS_STATEMENT: a --read-only server
          1317, // ER_QUERY_INTERRUPTED
          1792, // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
          1836, // ER_READ_ONLY_MODE
          1927, // ER_CONNECTION_KILLED (MariaDB)
          1969, // ER_STATEMENT_TIMEOUT (MariaDB)
          2002, // CR_CONNECTION_ERROR
          2003, // CR_CONN_HOST_ERROR
          2006, // CR_SERVER_GONE_ERROR
          2013, // CR_SERVER_LOST
          3024, // ER_QUERY_TIMEOUT (MySQL)
          4031 // ER_CLIENT_INTERACTION_TIMEOUT (MariaDB)
          );

  private static final int ER_DATA_TOO_LONG = 1406;

  /** The values MySQL quotes in its messages: a duplicate key's, an incorrect string's bytes. */
  private static final Pattern QUOTED_VALUE =
      Pattern.compile(
          "(Duplicate entry |Incorrect string value: |Incorrect \\w+ value: )'.*?'(?= for )");

  private static final Pattern COLUMN = Pattern.compile("column '([^']+)'");

  /** What each constrained column holds, for a refusal that names the column. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "event_type", "the event type",
          "unique_key", "the idempotency key",
          "ordering_key", "an ordering key",
          "source", "the source",
          "target", "the target");

  private MysqlErrors() {}

  static boolean refused(SQLException e) {
    return REFUSED.contains(e.getErrorCode());
  }

  static boolean unavailable(SQLException e) {
    return UNAVAILABLE.contains(e.getErrorCode());
  }

  /**
   * {@code message} with the values MySQL and MariaDB quote replaced by {@code '***'}, as
   * PostgreSQL's detail line is left out: a key or a payload is the sender's data, not the store's.
   */
  static String withoutValues(String message) {
    return QUOTED_VALUE.matcher(message).replaceAll("$1'***'");
  }

  /** The refusal naming the field, for a value too long for its column; else null. */
  static @Nullable String tooLong(SQLException e, String message) {
    if (e.getErrorCode() != ER_DATA_TOO_LONG) {
      return null;
    }
    Matcher column = COLUMN.matcher(message);
    String field = column.find() ? FIELDS.getOrDefault(column.group(1), "a value") : "a value";
    return field + " is too long for its column in the database (" + message + ")";
  }
}
