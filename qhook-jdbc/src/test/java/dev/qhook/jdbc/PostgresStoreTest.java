package dev.qhook.jdbc;

import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on a real PostgreSQL server, when {@code QHOOK_TEST_POSTGRES_URL} names one.
 * The run uses a schema of its own, emptied before each test and dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresStoreTest extends StoreContractTest {
  private static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

  @Override
  protected Store createStore() {
    return DATABASE.freshStore();
  }

  @AfterAll
  static void dropSchema() {
    DATABASE.drop();
  }
}
