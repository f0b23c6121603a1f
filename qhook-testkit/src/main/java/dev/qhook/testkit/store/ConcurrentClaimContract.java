package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.NewEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Claims from several threads at once never hand one job to two claimers. */
public interface ConcurrentClaimContract extends StoreContract {
  int JOBS = 200;
  int CLAIMERS = 4;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void concurrentClaimersNeverShareAJob() throws Exception {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      events.add(newEvent(event(at(0)), handlerJob("h" + (i % 3), at(0))));
    }
    store().append(events);

    List<String> claimedIds = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(CLAIMERS);
    Callable<Void> claimer =
        () -> {
          start.await();
          while (true) {
            List<ClaimedJob> batch = store().claim(claimAll(at(1), 7));
            if (batch.isEmpty()) {
              return null;
            }
            batch.forEach(c -> claimedIds.add(c.job().id()));
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < CLAIMERS; i++) {
        futures.add(pool.submit(claimer));
      }
      for (Future<Void> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(claimedIds).hasSize(JOBS).doesNotHaveDuplicates();
  }
}
