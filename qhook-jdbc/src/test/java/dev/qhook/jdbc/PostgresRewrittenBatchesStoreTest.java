package dev.qhook.jdbc;

import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on PostgreSQL with {@code reWriteBatchedInserts=true} in the URL: the driver
 * then reports no per-row counts for batched inserts, so the store must learn from a lookup which
 * events it stored and which were duplicates.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresRewrittenBatchesStoreTest extends StoreContractTest {
  private static final PostgresTestDatabase DATABASE =
      new PostgresTestDatabase("reWriteBatchedInserts=true");

  @Override
  protected Store createStore() {
    return DATABASE.freshStore();
  }

  @AfterAll
  static void dropSchema() {
    DATABASE.drop();
  }
}
