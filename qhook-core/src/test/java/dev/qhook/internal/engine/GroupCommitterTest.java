package dev.qhook.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreRefusedException;
import dev.qhook.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

  /**
   * With the idle writer's safety-net poll an hour long, every item is written only if its
   * submitter wakes the writer: a missed wake-up stalls the future and fails the bounded wait.
   */
  @Test
  void everySubmitWakesAnIdleWriter() throws Exception {
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> items.stream().map(i -> i + 1).toList(),
            Duration.ZERO,
            Duration.ofHours(1))) {
      for (int round = 0; round < 2_000; round++) {
        List<CompletableFuture<Integer>> submitted = new ArrayList<>();
        int threads = 1 + round % 4;
        Thread[] submitters = new Thread[threads];
        for (int t = 0; t < threads; t++) {
          int value = round * 10 + t;
          submitters[t] = new Thread(() -> submitted(submitted, committer.submit(value)));
          submitters[t].start();
        }
        for (Thread submitter : submitters) {
          submitter.join();
        }
        for (CompletableFuture<Integer> result : List.copyOf(submitted)) {
          assertThat(result.get(10, TimeUnit.SECONDS)).isNotNull();
        }
      }
    }
  }

  private static void submitted(
      List<CompletableFuture<Integer>> all, CompletableFuture<Integer> one) {
    synchronized (all) {
      all.add(one);
    }
  }

  @Test
  void aLingeringWriterGathersItemsThatTrickleIn() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              batchSizes.add(items.size());
              return items;
            },
            Duration.ofMillis(500))) {
      List<CompletableFuture<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        results.add(committer.submit(i));
        Thread.sleep(10); // one at a time, as outcomes arrive from workers
      }
      for (CompletableFuture<Integer> result : results) {
        result.get(10, TimeUnit.SECONDS);
      }
    }

    assertThat(batchSizes).containsExactly(5);
  }

  @Test
  void closingDoesNotWaitOutTheLinger() throws Exception {
    GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>("test", 100, items -> items, Duration.ofHours(1));
    CompletableFuture<Integer> result = committer.submit(7);

    committer.close();

    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(7);
  }

  @Test
  void concurrentSubmissionsShareBatches() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              batchSizes.add(items.size());
              firstBatchEntered.countDown();
              await(release);
              return items.stream().map(i -> i * 2).toList();
            })) {
      CompletableFuture<Integer> first = committer.submit(0);
      firstBatchEntered.await();
      List<CompletableFuture<Integer>> rest = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        rest.add(committer.submit(i));
      }
      release.countDown();
      assertThat(first.join()).isZero();
      for (int i = 0; i < rest.size(); i++) {
        assertThat(rest.get(i).join()).isEqualTo((i + 1) * 2);
      }
      assertThat(batchSizes).containsExactly(1, 50);
    }
  }

  @Test
  void aFailingItemFailsAloneAndItsBatchNeighboursAreWritten() throws Exception {
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              firstBatchEntered.countDown();
              await(release);
              if (items.contains(13)) {
                throw new IllegalStateException("13 is unlucky");
              }
              return items;
            })) {
      committer.submit(0);
      firstBatchEntered.await();
      CompletableFuture<Integer> good = committer.submit(12);
      CompletableFuture<Integer> bad = committer.submit(13);
      CompletableFuture<Integer> alsoGood = committer.submit(14);
      release.countDown();
      assertThat(good.join()).isEqualTo(12);
      assertThat(alsoGood.join()).isEqualTo(14);
      assertThatThrownBy(bad::join)
          .isInstanceOf(CompletionException.class)
          .hasRootCauseMessage("13 is unlucky");
    }
  }

  /**
   * A batch ingest's events are one group: written in the same call as its neighbours, never split
   * from each other, and failed together when the call fails, even as the rest of the batch is
   * written.
   */
  @Test
  void aGroupIsWrittenInOneCallAndFailsWhole() throws Exception {
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<Integer>> calls = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            4,
            items -> {
              calls.add(List.copyOf(items));
              firstBatchEntered.countDown();
              await(release);
              if (items.contains(13)) {
                throw new StoreRefusedException("appending", "13 is refused", null);
              }
              return items.stream().map(i -> -i).toList();
            })) {
      committer.submit(0);
      firstBatchEntered.await();
      CompletableFuture<Integer> before = committer.submit(1);
      CompletableFuture<List<Integer>> group = committer.submitAll(List.of(2, 3, 4));
      CompletableFuture<List<Integer>> refused = committer.submitAll(List.of(12, 13));
      CompletableFuture<List<Integer>> tooBig = committer.submitAll(List.of(20, 21, 22, 23, 24));
      CompletableFuture<Integer> after = committer.submit(30);
      release.countDown();

      assertThat(group.join()).containsExactly(-2, -3, -4);
      assertThat(before.join()).isEqualTo(-1);
      assertThat(tooBig.join()).containsExactly(-20, -21, -22, -23, -24);
      assertThat(after.join()).isEqualTo(-30);
      assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreRefusedException.class);
      assertThat(committer.submitAll(List.of()).join()).isEmpty();
    }
    // Never split: every call holds each group whole or not at all.
    for (List<Integer> call : calls) {
      assertThat(call.contains(2)).isEqualTo(call.containsAll(List.of(2, 3, 4)));
      assertThat(call.contains(12)).isEqualTo(call.contains(13));
      assertThat(call.contains(20)).isEqualTo(call.containsAll(List.of(20, 21, 22, 23, 24)));
    }
    // Up to maxBatch items a call, unless one group alone is larger.
    assertThat(calls).contains(List.of(1, 2, 3, 4), List.of(20, 21, 22, 23, 24));
  }

  /**
   * A value the database refuses fails only its own item, found by halving the batch rather than by
   * writing every item alone (docs/configuration.md, "Stores").
   */
  @Test
  void aRefusedItemFailsAloneAsRefusedAndIsFoundInFewWrites() throws Exception {
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              batchSizes.add(items.size());
              firstBatchEntered.countDown();
              await(release);
              if (items.contains(13)) {
                throw new StoreRefusedException("appending", "13 is unlucky", null);
              }
              return items;
            })) {
      committer.submit(0);
      firstBatchEntered.await();
      List<CompletableFuture<Integer>> batch = new ArrayList<>();
      for (int i = 1; i <= 64; i++) {
        batch.add(committer.submit(i));
      }
      release.countDown();
      for (int i = 1; i <= 64; i++) {
        CompletableFuture<Integer> result = batch.get(i - 1);
        if (i == 13) {
          assertThatThrownBy(result::join).hasCauseInstanceOf(StoreRefusedException.class);
        } else {
          assertThat(result.join()).isEqualTo(i);
        }
      }
      assertThat(batchSizes).as("the first batch, then halving down to 13").hasSizeLessThan(16);
    }
  }

  /**
   * An unreachable database fails every item alike: the batch fails at once instead of waiting for
   * the database item by item.
   */
  @Test
  void anUnavailableDatabaseFailsTheWholeBatchAtOnce() throws Exception {
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              batchSizes.add(items.size());
              firstBatchEntered.countDown();
              await(release);
              throw new StoreUnavailableException(
                  "appending", "connection refused", new IllegalStateException("down"));
            })) {
      committer.submit(0);
      firstBatchEntered.await();
      List<CompletableFuture<Integer>> batch = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        batch.add(committer.submit(i));
      }
      release.countDown();
      for (CompletableFuture<Integer> result : batch) {
        assertThatThrownBy(result::join).hasCauseInstanceOf(StoreUnavailableException.class);
      }
      assertThat(batchSizes).containsExactly(1, 20);
    }
  }

  @Test
  void everySubmissionFromManyThreadsCompletesWithItsOwnResult() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    Map<Integer, CompletableFuture<Integer>> futures = new ConcurrentHashMap<>();
    try (GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>("test", 64, items -> items.stream().map(i -> -i).toList())) {
      List<Thread> submitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        submitters.add(
            startThread(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    futures.put(base + i, committer.submit(base + i));
                  }
                }));
      }
      for (Thread t : submitters) {
        t.join();
      }
      for (var entry : futures.entrySet()) {
        assertThat(entry.getValue().get(10, TimeUnit.SECONDS)).isEqualTo(-entry.getKey());
      }
    }
    assertThat(futures).hasSize(threads * perThread);
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterSubmissionsFail() throws Exception {
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> written = new CopyOnWriteArrayList<>();
    GroupCommitter<Integer, Integer> committer =
        new GroupCommitter<>(
            "test",
            100,
            items -> {
              firstBatchEntered.countDown();
              await(release);
              written.addAll(items);
              return items;
            });
    CompletableFuture<Integer> first = committer.submit(1);
    firstBatchEntered.await();
    CompletableFuture<Integer> queued = committer.submit(2);
    Thread closer = new Thread(committer::close);
    closer.start();
    release.countDown();
    closer.join();
    assertThat(first.join()).isEqualTo(1);
    assertThat(queued.join()).isEqualTo(2);
    assertThat(written).containsExactly(1, 2);
    assertThatThrownBy(() -> committer.submit(3).join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("test is closed");
  }

  private static Thread startThread(Runnable body) {
    Thread t = new Thread(body);
    t.start();
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
