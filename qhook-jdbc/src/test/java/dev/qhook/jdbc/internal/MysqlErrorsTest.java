package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.StoreUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

/**
 * How MySQL and MariaDB failures are sorted, by error code where the SQLState is the generic {@code
 * HY000}. The exceptions are the java.sql classes MariaDB Connector/J raises, with the server's
 * codes and messages (MysqlRefusedValuesTest shows a real refusal).
 */
class MysqlErrorsTest {

  @Test
  void valuesTheServerCannotStoreAreRefused() {
    assertThat(Failures.of("x", new SQLDataException("Data too long", "22001", 1406)))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(
            Failures.of(
                "x",
                new SQLException(
                    "(conn=7) Incorrect string value: '\\xF0\\x9F' for column `q`.`events`.`source`",
                    "HY000",
                    1366)))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(
            Failures.of(
                "x",
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062)))
        .isInstanceOf(StoreRefusedException.class);
  }

  @Test
  void quotedKeysAndBytesAreLeftOutOfTheMessage() {
    StoreException duplicate =
        Failures.of(
            "x",
            new SQLIntegrityConstraintViolationException(
                "(conn=4) Duplicate entry 'app-secret-key' for key 'events_source_unique_key'",
                "23000",
                1062));
    StoreException bytes =
        Failures.of(
            "x",
            new SQLException(
                "(conn=4) Incorrect string value: '\\xF0\\x9F\\x98' for column `q`.`events`.`source`"
                    + " at row 1",
                "HY000",
                1366));

    assertThat(duplicate.getMessage())
        .doesNotContain("secret")
        .contains("Duplicate entry '***' for key 'events_source_unique_key'");
    assertThat(bytes.getMessage()).doesNotContain("xF0").contains("Incorrect string value: '***'");
  }

  @Test
  void aValueTooLongNamesItsField() {
    BatchUpdateException batch =
        new BatchUpdateException(
            "(conn=9) Data too long for column 'ordering_key' at row 1",
            "22001",
            1406,
            new int[0],
            null);

    StoreException e = Failures.of("appending 1 events", batch);

    assertThat(((StoreRefusedException) e).reason())
        .startsWith("an ordering key is too long for its column in the database");
  }

  @Test
  void aServerThatCannotTakeWorkIsUnavailable() {
    for (int code : new int[] {1205, 1213, 1290, 1836, 1040, 1053, 1927, 2013}) {
      SQLException e = new SQLTransientException("(conn=3) busy", "HY000", code);
      assertThat(Failures.of("x", e))
          .as("code %d", code)
          .isInstanceOf(StoreUnavailableException.class);
    }
    assertThat(
            Failures.of(
                "x", new SQLNonTransientConnectionException("Socket has closed", "08000", 0)))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void otherFailuresAreNeitherRefusedNorUnavailable() {
    StoreException e =
        Failures.of("x", new SQLSyntaxErrorException("(conn=3) You have an error", "42000", 1064));

    assertThat(e)
        .isNotInstanceOf(StoreRefusedException.class)
        .isNotInstanceOf(StoreUnavailableException.class);
    assertThat(e.getMessage()).contains("You have an error").contains("SQLState 42000");
  }
}
