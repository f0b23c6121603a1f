package dev.qhook.jdbc;

import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file. */
class SqliteStoreTest extends StoreContractTest {
  @TempDir Path dir;

  @Override
  protected Store createStore() {
    return JdbcStore.sqlite(dir.resolve("qhook.db"));
  }
}
