package dev.qhook.server;

import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Store;
import dev.qhook.testkit.ForwardingStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the calls a health probe makes, and passes everything on. */
final class CountingStore extends ForwardingStore {
  final AtomicInteger pings = new AtomicInteger();
  final AtomicInteger statusCounts = new AtomicInteger();

  CountingStore(Store delegate) {
    super(delegate);
  }

  @Override
  public Map<JobStatus, Long> countJobsByStatus() {
    statusCounts.incrementAndGet();
    return super.countJobsByStatus();
  }

  @Override
  public boolean ping() {
    pings.incrementAndGet();
    return super.ping();
  }
}
