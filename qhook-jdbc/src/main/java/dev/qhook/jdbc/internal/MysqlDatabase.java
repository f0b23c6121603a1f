package dev.qhook.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.qhook.StoreException;
import java.util.List;
import java.util.Properties;

/**
 * Opens a pooled MySQL or MariaDB connection for the store, through MariaDB Connector/J (which
 * speaks to both). Every connection reads and writes.
 *
 * <p>Each connection runs in {@code READ COMMITTED} (a claimer that waited for a lock reads what
 * the holder committed, and InnoDB takes no gap locks for plain reads) and in strict SQL mode, so a
 * value too long for its column is refused rather than cut. The driver's batch of updates stays one
 * statement per row ({@code useBulkStmts=false}, its default), because the fenced completion needs
 * the per-row counts; inserts go in one bulk command on MariaDB.
 */
public final class MysqlDatabase {
  static final String SESSION_SQL =
      "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION',"
          + " SESSION innodb_lock_wait_timeout = 50";

  private MysqlDatabase() {}

  /**
   * @param jdbcUrl a {@code jdbc:mariadb:} URL
   * @param properties driver properties such as {@code user} and {@code password}
   */
  public static Database open(String jdbcUrl, Properties properties, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
    Properties driver = new Properties();
    driver.putAll(properties);
    driver.setProperty("useBulkStmts", "false");
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("qhook-mysql");
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setDataSourceProperties(driver);
    hikari.setMaximumPoolSize(maxConnections);
    hikari.setMinimumIdle(Math.min(2, maxConnections));
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionInitSql(SESSION_SQL);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable reason = e.getCause() == null ? e : e.getCause();
      throw new StoreException(
          "connecting to MySQL/MariaDB at " + DatabaseUrls.redact(jdbcUrl), reason);
    }
    return new Database(Dialect.MYSQL, pool, pool, null, List.of(pool));
  }
}
