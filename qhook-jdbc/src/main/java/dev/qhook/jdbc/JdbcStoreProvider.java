package dev.qhook.jdbc;

import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.spi.Store;
import dev.qhook.spi.StoreProvider;

/**
 * Makes {@link JdbcStore} the store for the {@code sqlite}, {@code postgres} and {@code mysql}
 * drivers when qhook-jdbc is on the class path (registered for {@link java.util.ServiceLoader}).
 */
public final class JdbcStoreProvider implements StoreProvider {
  @Override
  public boolean supports(DatabaseConfig config) {
    return config.driver() == DatabaseDriver.SQLITE
        || config.driver() == DatabaseDriver.POSTGRES
        || config.driver() == DatabaseDriver.MYSQL;
  }

  @Override
  public Store create(DatabaseConfig config) {
    return JdbcStore.fromConfig(config);
  }
}
