package dev.qhook.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link ThreeInstancesContract} on PostgreSQL, each test in a schema of its own. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
class PostgresThreeInstancesTest extends ThreeInstancesContract {
  private static final String URL = System.getenv(PostgresSchema.URL_VARIABLE);
  private final String schema =
      "qhook_three_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  String freshDatabaseUrl() {
    return createSchema(schema);
  }

  /** Creates {@code schema} on the test server; returns the URL of the server in that schema. */
  static String createSchema(String schema) {
    execute("CREATE SCHEMA " + schema);
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  void dropDatabase() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** Runs one statement on the test server (schemas of the process tests are made this way). */
  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
