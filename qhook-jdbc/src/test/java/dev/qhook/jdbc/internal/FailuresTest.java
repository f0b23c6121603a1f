package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.StoreUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How a failed call is sorted: the exceptions are the drivers' own, as they raise them (the stores'
 * tests show the real ones: PostgresRefusedValuesTest, PoisonEventTest).
 */
class FailuresTest {

  private static PSQLException server(String state, String message, String detail) {
    return new PSQLException(
        new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0D" + detail + "\0"));
  }

  @Test
  void aBatchEntryThatViolatesAConstraintIsRefusedWithoutQuotingTheStatementOrTheKey() {
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 INSERT INTO jobs VALUES ('secret-value') was aborted",
            "23505",
            0,
            new int[0]);
    batch.setNextException(
        server(
            "23505",
            "duplicate key value violates unique constraint \"jobs_pkey\"",
            "Key (id)=(secret-value) already exists."));

    StoreException e = Failures.of("appending 2 events", batch);

    assertThat(e).isInstanceOf(StoreRefusedException.class);
    assertThat(e.getMessage())
        .startsWith("appending 2 events failed: ")
        .contains("jobs_pkey")
        .doesNotContain("secret-value");
    assertThat(((StoreRefusedException) e).reason()).doesNotContain("secret-value");
  }

  @Test
  void aNulInTextIsRefusedSayingSo() {
    StoreException e =
        Failures.of("x", server("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", ""));

    assertThat(((StoreRefusedException) e).reason()).contains("NUL character (U+0000)");
  }

  @Test
  void anIndexRowTooLargeNamesTheFieldOfTheIndex() {
    StoreException e =
        Failures.of(
            "x",
            server(
                "54000",
                "index row size 4048 exceeds btree version 4 maximum 2704 for index"
                    + " \"events_source_type\"",
                ""));

    assertThat(((StoreRefusedException) e).reason())
        .startsWith("the event type is too long for the database's index");
  }

  @Test
  void connectionFailuresAndTimeoutsMakeTheStoreUnavailable() {
    assertThat(
            Failures.of(
                "x",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(
            Failures.of(
                "x",
                new SQLTransientConnectionException(
                    "qhook-postgres - Connection is not available, request timed out after 30000ms")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(Failures.of("x", server("57P01", "terminating connection due to administrator", "")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(Failures.of("x", server("53100", "could not extend file: No space left", "")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void sqliteCodesAreSortedToo() {
    assertThat(
            Failures.of(
                "x",
                new SQLiteException(
                    "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed",
                    SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(
            Failures.of(
                "x",
                new SQLiteException(
                    "[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(
            Failures.of(
                "x", new SQLiteException("[SQLITE_FULL] disk full", SQLiteErrorCode.SQLITE_FULL)))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void otherFailuresAreNeitherRefusedNorUnavailable() {
    StoreException deadlock = Failures.of("x", server("40P01", "deadlock detected", ""));

    assertThat(deadlock)
        .isExactlyInstanceOf(StoreException.class)
        .hasMessage("x failed: deadlock detected (SQLState 40P01)");
  }
}
