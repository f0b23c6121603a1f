package dev.qhook.internal.engine;

import dev.qhook.config.DatabaseConfig;
import dev.qhook.spi.Store;
import dev.qhook.spi.StoreProvider;
import java.util.ServiceLoader;

/** Finds a {@link StoreProvider} on the class path for the configured database. */
final class StoreLocator {
  private StoreLocator() {}

  static Store create(DatabaseConfig database) {
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
      if (provider.supports(database)) {
        return provider.create(database);
      }
    }
    throw new IllegalStateException(
        "no store for database driver "
            + database.driver().name().toLowerCase(java.util.Locale.ROOT)
            + ": add qhook-jdbc to the class path or pass a store to the builder");
  }
}
