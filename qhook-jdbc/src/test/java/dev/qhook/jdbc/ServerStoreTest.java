package dev.qhook.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with one fresh store per test on a database of its own, dropped after each test. */
abstract class ServerStoreTest {
  protected JdbcStore store;

  abstract ServerDatabase database();

  @BeforeEach
  void openStore() {
    store = database().freshStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
    database().drop();
  }
}
