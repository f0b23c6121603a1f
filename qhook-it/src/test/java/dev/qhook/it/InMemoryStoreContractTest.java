package dev.qhook.it;

import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Store;
import dev.qhook.testkit.StoreContractTest;

/** The in-memory store passes the same contract as the JDBC stores. */
class InMemoryStoreContractTest extends StoreContractTest {
  @Override
  protected Store createStore() {
    return new InMemoryStore();
  }
}
