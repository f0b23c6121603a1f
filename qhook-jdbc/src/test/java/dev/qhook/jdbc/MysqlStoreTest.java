package dev.qhook.jdbc;

import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on a real MySQL or MariaDB server, when {@code QHOOK_TEST_MYSQL_URL} names
 * one. The run uses a database of its own, emptied before each test and dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = MysqlTestDatabase.URL_VARIABLE, matches = ".+")
class MysqlStoreTest extends StoreContractTest {
  private static final MysqlTestDatabase DATABASE = new MysqlTestDatabase();

  @Override
  protected Store createStore() {
    return DATABASE.freshStore();
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.drop();
  }
}
