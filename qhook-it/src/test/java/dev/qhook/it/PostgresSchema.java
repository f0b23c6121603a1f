package dev.qhook.it;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the PostgreSQL server of {@code QHOOK_TEST_POSTGRES_URL}, for one test:
 * {@link #open} creates it and a store on it, {@link #drop} removes it after the store is closed.
 */
public final class PostgresSchema {
  public static final String URL_VARIABLE = "QHOOK_TEST_POSTGRES_URL";

  private final String url = System.getenv(URL_VARIABLE);
  private final String name;

  /** A schema named {@code prefix} and a random suffix. */
  public PostgresSchema(String prefix) {
    this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public Store open() {
    execute("CREATE SCHEMA " + name);
    return JdbcStore.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
  }

  public void drop() {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
