package dev.qhook.it;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the MySQL or MariaDB server of {@code QHOOK_TEST_MYSQL_URL} (a {@code
 * jdbc:mariadb:} URL whose user may create databases), for one test: {@link #create} makes it,
 * {@link #drop} removes it after the stores on it are closed.
 */
public final class MysqlDatabase {
  public static final String URL_VARIABLE = "QHOOK_TEST_MYSQL_URL";

  private final String server = System.getenv(URL_VARIABLE);
  private final String name;

  /** A database named {@code prefix} and a random suffix. */
  public MysqlDatabase(String prefix) {
    this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public void create() {
    execute("CREATE DATABASE " + name);
  }

  /** Creates the database and opens a store on it. */
  public Store open() {
    create();
    return JdbcStore.mysql(url());
  }

  /** The JDBC URL of this database: the server's URL naming it instead of its own. */
  public String url() {
    int hostStart = server.indexOf("//") + 2;
    int query = server.indexOf('?', hostStart);
    int end = query < 0 ? server.length() : query;
    int slash = server.indexOf('/', hostStart);
    int pathStart = slash < 0 || slash > end ? end : slash;
    return server.substring(0, pathStart) + "/" + name + server.substring(end);
  }

  public void drop() {
    execute("DROP DATABASE IF EXISTS " + name);
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
