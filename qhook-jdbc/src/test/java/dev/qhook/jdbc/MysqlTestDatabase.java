package dev.qhook.jdbc;

import dev.qhook.jdbc.internal.DatabaseUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the MySQL or MariaDB server named by {@value #URL_VARIABLE} (for example
 * {@code jdbc:mariadb://127.0.0.1:3306/qhook?user=qhook&password=qhook}; {@code
 * .ci/start-mariadb.sh} starts one). The user needs the right to create databases.
 */
public final class MysqlTestDatabase implements ServerDatabase {
  public static final String URL_VARIABLE = "QHOOK_TEST_MYSQL_URL";

  private final String name;

  public MysqlTestDatabase() {
    this("qhook_test_");
  }

  /** A database named {@code prefix} and a random suffix. */
  public MysqlTestDatabase(String prefix) {
    this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A new store on this database, migrated and emptied. */
  @Override
  public JdbcStore freshStore() {
    execute("CREATE DATABASE IF NOT EXISTS " + name);
    JdbcStore store = store();
    store.migrate();
    for (String table :
        new String[] {
          "job_attempts",
          "jobs",
          "events",
          "workflow_runs",
          "workflow_steps",
          "workflow_definitions",
          "callback_tokens",
          "outbound_endpoints",
          "outbound_subscriptions"
        }) {
      execute("TRUNCATE TABLE " + name + "." + table);
    }
    return store;
  }

  /** Another store on the same database, as a second instance of a cluster would open. */
  @Override
  public JdbcStore store() {
    return JdbcStore.mysql(url());
  }

  /** The server's URL with this database in place of the one it names. */
  public String url() {
    return withDatabase(System.getenv(URL_VARIABLE), name);
  }

  public String name() {
    return name;
  }

  @Override
  public void drop() {
    execute("DROP DATABASE IF EXISTS " + name);
  }

  /** Runs one statement on its own connection to the server (outside the stores' pools). */
  public static void execute(String sql) {
    DatabaseUrls.Mysql server = DatabaseUrls.mysql(System.getenv(URL_VARIABLE));
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.properties());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the test server: " + sql, e);
    }
  }

  /** {@code url} (any form the store takes) naming {@code database} instead of its own. */
  static String withDatabase(String url, String database) {
    int hostStart = url.indexOf("//") + 2;
    int query = url.indexOf('?', hostStart);
    int end = query < 0 ? url.length() : query;
    int slash = url.indexOf('/', hostStart);
    int pathStart = slash < 0 || slash > end ? end : slash;
    return url.substring(0, pathStart) + "/" + database + url.substring(end);
  }
}
