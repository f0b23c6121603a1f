package dev.qhook.spi;

import dev.qhook.config.DatabaseConfig;

/**
 * Creates a {@link Store} from the {@code database} config section. Found with {@link
 * java.util.ServiceLoader} when the application does not pass a store: adding qhook-jdbc to the
 * class path makes SQLite the default.
 */
public interface StoreProvider {
  /** Whether this provider serves the configured driver. */
  boolean supports(DatabaseConfig config);

  Store create(DatabaseConfig config);
}
