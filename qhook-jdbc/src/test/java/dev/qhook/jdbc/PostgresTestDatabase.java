package dev.qhook.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own in the PostgreSQL server named by {@value #URL_VARIABLE} (for example {@code
 * jdbc:postgresql://127.0.0.1:5432/qhook?user=qhook&password=qhook}; {@code .ci/start-postgres.sh}
 * starts one).
 */
final class PostgresTestDatabase implements ServerDatabase {
  static final String URL_VARIABLE = "QHOOK_TEST_POSTGRES_URL";

  private final String schema =
      "qhook_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final String extraParameters;

  PostgresTestDatabase() {
    this("");
  }

  /**
   * @param extraParameters driver parameters added to the URL of every store, e.g. {@code
   *     reWriteBatchedInserts=true}
   */
  PostgresTestDatabase(String extraParameters) {
    this.extraParameters = extraParameters;
  }

  /** A new store on this schema, migrated and emptied. */
  @Override
  public JdbcStore freshStore() {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    JdbcStore store = store();
    store.migrate();
    execute("TRUNCATE " + schema + ".events, " + schema + ".jobs, " + schema + ".job_attempts");
    execute("TRUNCATE " + schema + ".outbound_endpoints, " + schema + ".outbound_subscriptions");
    return store;
  }

  /** Another store on the same schema, as a second instance of a cluster would open. */
  @Override
  public JdbcStore store() {
    String url = System.getenv(URL_VARIABLE);
    String parameters = "currentSchema=" + schema;
    if (!extraParameters.isEmpty()) {
      parameters += "&" + extraParameters;
    }
    return JdbcStore.postgres(url + (url.contains("?") ? "&" : "?") + parameters);
  }

  /** The schema the stores of this database use. */
  String schema() {
    return schema;
  }

  @Override
  public void drop() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** Runs one statement on its own connection (outside the stores' pools). */
  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(System.getenv(URL_VARIABLE));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the test database: " + sql, e);
    }
  }
}
