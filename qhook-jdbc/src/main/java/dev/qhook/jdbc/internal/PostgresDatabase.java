package dev.qhook.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.qhook.StoreException;
import java.util.List;
import java.util.Properties;

/**
 * Opens a pooled PostgreSQL connection for the store. Every connection reads and writes.
 *
 * <p>The driver's {@code reWriteBatchedInserts} is left off: measured on 50,000 events in batches
 * of 100 it bought nothing for events without a key and halved the rate with keys, because a
 * rewritten batch reports no per-row counts and every keyed event must then be looked up. A user
 * may still set it in the URL; the store stays correct.
 */
public final class PostgresDatabase {
  private PostgresDatabase() {}

  /**
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param properties driver properties such as {@code user} and {@code password}
   */
  public static Database open(String jdbcUrl, Properties properties, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("qhook-postgres");
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setDataSourceProperties(properties);
    hikari.setMaximumPoolSize(maxConnections);
    hikari.setMinimumIdle(Math.min(2, maxConnections));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable reason = e.getCause() == null ? e : e.getCause();
      throw new StoreException(
          "connecting to PostgreSQL at " + DatabaseUrls.redact(jdbcUrl), reason);
    }
    return new Database(Dialect.POSTGRES, pool, pool, null, List.of(pool));
  }
}
