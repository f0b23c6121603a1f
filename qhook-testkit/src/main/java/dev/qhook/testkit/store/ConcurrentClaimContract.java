package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.claimWithLimits;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Claims and appends from several threads at once: no job goes to two claimers, concurrency limits
 * hold at every moment, and one unique key is stored once (also when batches overlap, in any
 * order).
 */
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
    runAll(claimer);

    assertThat(claimedIds).hasSize(JOBS).doesNotHaveDuplicates();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void concurrentClaimersRespectAConcurrencyLimit() throws Exception {
    int jobs = 40;
    int cap = 3;
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      events.add(newEvent(event(at(0)), handlerJob("capped", at(0))));
    }
    store().append(events);
    JobQuery runningCapped =
        new JobQuery(JobStatus.RUNNING, "capped", null, null, null, null, 1000, false);

    AtomicInteger done = new AtomicInteger();
    List<Integer> runningSeen = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(CLAIMERS);
    Callable<Void> worker =
        () -> {
          start.await();
          while (done.get() < jobs) {
            List<ClaimedJob> batch =
                store().claim(claimWithLimits(at(1), 5, Map.of("capped", cap)));
            runningSeen.add(store().jobs(runningCapped).items().size());
            List<Completion> completions = new ArrayList<>();
            for (ClaimedJob c : batch) {
              completions.add(
                  new Completion.Succeeded(c.job().id(), 1, StoreFixtures.success(1, at(2))));
            }
            store().complete(completions);
            done.addAndGet(batch.size());
          }
          return null;
        };
    runAll(worker);

    assertThat(done.get()).isEqualTo(jobs);
    assertThat(runningSeen).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(cap));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void concurrentAppendsOfOneKeyStoreItOnce() throws Exception {
    List<AppendResult> results = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(CLAIMERS);
    Callable<Void> appender =
        () -> {
          start.await();
          results.addAll(
              store()
                  .append(
                      List.of(
                          newEvent(
                              event("app", "order.created", "same-key", at(0)),
                              handlerJob("h", at(0))))));
          return null;
        };
    runAll(appender);

    List<AppendResult> stored =
        results.stream().filter(r -> r instanceof AppendResult.Stored).toList();
    assertThat(stored).hasSize(1);
    assertThat(results).extracting(AppendResult::eventId).containsOnly(stored.get(0).eventId());
    assertThat(store().jobs(JobQuery.all()).items()).hasSize(1);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void concurrentBatchesWithOverlappingKeysStoreEachKeyOnce() throws Exception {
    int keys = 30;
    List<AppendResult> results = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger appender = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(CLAIMERS);
    Callable<Void> task =
        () -> {
          List<NewEvent> batch = new ArrayList<>();
          for (int k = 0; k < keys; k++) {
            batch.add(newEvent(event("app", "t", "key-" + k, at(0)), handlerJob("h", at(0))));
            batch.add(newEvent(event("app", "t", null, at(0)), handlerJob("h", at(0))));
          }
          batch.add(newEvent(event("app", "t", "key-0", at(0)), handlerJob("h", at(0))));
          Collections.shuffle(batch, new Random(appender.incrementAndGet()));
          start.await();
          results.addAll(store().append(batch));
          return null;
        };
    runAll(task);

    List<AppendResult> stored =
        results.stream().filter(r -> r instanceof AppendResult.Stored).toList();
    assertThat(stored).hasSize(keys + CLAIMERS * keys);
    assertThat(results).extracting(AppendResult::eventId).doesNotContainNull();
    assertThat(results.stream().map(AppendResult::eventId).distinct()).hasSize(stored.size());
    assertThat(store().countJobsByStatus().get(JobStatus.AVAILABLE))
        .isEqualTo((long) stored.size());
  }

  private static void runAll(Callable<Void> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < CLAIMERS; i++) {
        futures.add(pool.submit(task));
      }
      for (Future<Void> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
