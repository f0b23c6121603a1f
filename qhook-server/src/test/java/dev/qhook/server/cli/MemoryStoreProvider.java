package dev.qhook.server.cli;

import dev.qhook.config.DatabaseConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Store;
import dev.qhook.spi.StoreProvider;

/**
 * Lets CLI tests start the server on an in-memory store: serves {@code database.url:
 * jdbc:qhook-test-memory:NAME} only, so it never shadows a real database.
 */
public final class MemoryStoreProvider implements StoreProvider {
  static final String URL = "jdbc:qhook-test-memory:cli";

  @Override
  public boolean supports(DatabaseConfig config) {
    return config.url().startsWith("jdbc:qhook-test-memory:");
  }

  @Override
  public Store create(DatabaseConfig config) {
    return new InMemoryStore();
  }
}
