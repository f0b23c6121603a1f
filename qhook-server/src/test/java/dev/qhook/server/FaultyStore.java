package dev.qhook.server;

import dev.qhook.StoreException;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.Page;
import dev.qhook.testkit.ForwardingStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory store whose event writes and event listing can be made to fail on demand, and whose
 * event writes can be held back until released.
 */
final class FaultyStore extends ForwardingStore {
  volatile boolean failAppends;
  volatile boolean breakEventListing;
  private volatile CountDownLatch appendGate = new CountDownLatch(0);
  final Semaphore appendsEntered = new Semaphore(0);

  FaultyStore() {
    super(new InMemoryStore());
  }

  /** From now on every event write waits until {@link #releaseAppends()}. */
  void holdAppends() {
    appendGate = new CountDownLatch(1);
  }

  void releaseAppends() {
    appendGate.countDown();
  }

  @Override
  public List<AppendResult> append(List<NewEvent> events) {
    appendsEntered.release();
    try {
      if (!appendGate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("append held for 30 s: the test never released it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("append events", e);
    }
    if (failAppends) {
      throw new StoreException("append events", new java.io.IOException("disk I/O error"));
    }
    return super.append(events);
  }

  @Override
  public Page<Event> events(EventQuery query) {
    if (breakEventListing) {
      throw new IllegalStateException("a bug deep in the store");
    }
    return super.events(query);
  }
}
