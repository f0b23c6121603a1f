package dev.qhook.it.queue;

import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Store;

/** The queue routes on the in-memory store. */
class InMemoryQueueHttpTest extends QueueHttpContract {
  @Override
  Store openStore() {
    return new InMemoryStore();
  }
}
