package dev.qhook.jdbc;

import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on a real PostgreSQL server, when {@value #URL_VARIABLE} names one (for
 * example {@code jdbc:postgresql://127.0.0.1:5432/qhook?user=qhook&password=qhook}; {@code
 * .ci/start-postgres.sh} starts it). The run uses a schema of its own, emptied before each test and
 * dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = PostgresStoreTest.URL_VARIABLE, matches = ".+")
class PostgresStoreTest extends StoreContractTest {
  static final String URL_VARIABLE = "QHOOK_TEST_POSTGRES_URL";
  private static final String SCHEMA =
      "qhook_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  protected Store createStore() {
    execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    JdbcStore store = JdbcStore.postgres(schemaUrl());
    store.migrate();
    execute("TRUNCATE " + SCHEMA + ".events, " + SCHEMA + ".jobs, " + SCHEMA + ".job_attempts");
    return store;
  }

  @AfterAll
  static void dropSchema() {
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  static String baseUrl() {
    return System.getenv(URL_VARIABLE);
  }

  static String schemaUrl() {
    String url = baseUrl();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(baseUrl());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the test database: " + sql, e);
    }
  }
}
