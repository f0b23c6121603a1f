package dev.qhook.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final InMemoryStore store = new InMemoryStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final Set<String> ran = ConcurrentHashMap.newKeySet();
  private Dispatcher dispatcher;

  @AfterEach
  void stop() throws InterruptedException {
    if (dispatcher != null) {
      dispatcher.stopClaiming();
      dispatcher.close();
    }
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }

  private void append(String jobId) {
    Instant now = Instant.now();
    Event event = new Event("E" + jobId, "app", "x", new byte[0], Map.of(), null, now);
    NewJob job = new NewJob(jobId, JobKind.HANDLER, "h", null, 3, now, null);
    store.append(List.of(new NewEvent(event, List.of(job))));
  }

  private Dispatcher start(Function<ClaimedJob, Completion> worker) {
    return start(
        worker,
        completion -> {
          store.complete(List.of(completion));
          return CompletableFuture.completedFuture(null);
        });
  }

  private Dispatcher start(
      Function<ClaimedJob, Completion> worker,
      Function<Completion, CompletableFuture<?>> completions) {
    Dispatcher d =
        new Dispatcher(
            store,
            Clock.systemUTC(),
            new DispatchSettings(2, 4, Duration.ofMillis(50), Duration.ofSeconds(30), Map.of()),
            workers,
            c -> WorkerOutcome.complete(worker.apply(c)),
            completions,
            new DatabaseHealth(),
            () -> {});
    d.start();
    return d;
  }

  private static Completion success(ClaimedJob c) {
    return new Completion.Succeeded(
        c.job().id(),
        c.job().attempt(),
        new AttemptRecord(c.job().attempt(), 200, null, 1, Instant.now(), null));
  }

  @Test
  void deliversEveryDueJobAndSettlesIt() {
    for (int i = 0; i < 10; i++) {
      append("J" + i);
    }
    dispatcher =
        start(
            c -> {
              ran.add(c.job().id());
              return success(c);
            });
    dispatcher.wake();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 10);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.countJobsByStatus().getOrDefault(JobStatus.COMPLETED, 0L) == 10);
    assertThat(dispatcher.unsettled()).isEmpty();
  }

  @Test
  void anErrorInAWorkerNeitherStrandsTheJobNorStopsTheWorkers() {
    append("J-boom");
    dispatcher =
        start(
            c -> {
              if (c.job().id().equals("J-boom")) {
                throw new StackOverflowError("simulated");
              }
              ran.add(c.job().id());
              return success(c);
            });
    dispatcher.wake();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.job("J-boom").orElseThrow().attempt() == 1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.unsettled().isEmpty());

    for (int i = 0; i < 6; i++) {
      append("J" + i);
    }
    dispatcher.wake();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 6);
    assertThat(store.job("J-boom").orElseThrow().status())
        .as("left running for lease recovery, no longer held")
        .isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aJobWhoseWorkerStoresItsOwnOutcomeIsHeldUntilThatWriteIsDone() {
    append("J-own");
    CompletableFuture<Void> write = new CompletableFuture<>();
    dispatcher =
        new Dispatcher(
            store,
            Clock.systemUTC(),
            new DispatchSettings(2, 4, Duration.ofMillis(50), Duration.ofSeconds(30), Map.of()),
            workers,
            c -> {
              ran.add(c.job().id());
              return WorkerOutcome.storing(write);
            },
            completion -> {
              throw new AssertionError("the worker stores its own outcome");
            },
            new DatabaseHealth(),
            () -> {});
    dispatcher.start();
    dispatcher.wake();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.contains("J-own"));
    assertThat(dispatcher.unsettled()).extracting(c -> c.job().id()).containsExactly("J-own");

    write.complete(null);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.unsettled().isEmpty());
  }

  @Test
  void stopClaimingHandsBackJobsThatNeverStarted() {
    for (int i = 0; i < 12; i++) {
      append("J" + i);
    }
    CompletableFuture<Void> gate = new CompletableFuture<>();
    dispatcher =
        start(
            c -> {
              gate.join();
              return success(c);
            });
    dispatcher.wake();
    // Two batches of 4 are claimed (2 workers + 2 batches = room for 10); 2 workers block on the
    // gate and 6 jobs wait. With jobs still waiting, no partial batch (of 2) is claimed.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dispatcher.unsettled().size() == 8);
    Awaitility.await() // for several poll intervals nothing more may be claimed
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> dispatcher.unsettled().size() == 8);
    List<ClaimedJob> unstarted = dispatcher.stopClaiming();
    assertThat(unstarted).hasSize(6);
    assertThat(dispatcher.unsettled()).hasSize(2);
    gate.complete(null);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.unsettled().isEmpty());
  }

  @Test
  void outcomesNotYetStoredHoldBackClaimsOnlyBeyondTheirAllowance() {
    for (int i = 0; i < 60; i++) {
      append(String.format("J%02d", i));
    }
    CompletableFuture<Void> stored = new CompletableFuture<>();
    dispatcher =
        start(
            c -> {
              ran.add(c.job().id());
              return success(c);
            },
            completion -> stored); // no outcome is stored until the test says so
    dispatcher.wake();
    // 2 workers + 2 batches of 4 may run or wait, and 4 batches of 4 outcomes may wait to be
    // stored without counting: 10 + 16 jobs held, every one of them run.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 26);
    Awaitility.await() // for several poll intervals nothing more may be claimed
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> ran.size() == 26 && dispatcher.unsettled().size() == 26);
    stored.complete(null); // outcomes stored: the rest is claimed and run
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 60);
  }

  /**
   * A job claimed ahead waits in the ready queue while slow handlers run; the stale threshold must
   * count from when its attempt starts, not from its claim, or a job that waited longer than the
   * threshold is taken back while it runs (a duplicate delivery; docs/architecture.md).
   */
  @Test
  void aJobThatWaitedInTheReadyQueueIsNotStaleWhenItStarts() {
    HandClock clock = new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryStore store = new InMemoryStore(clock);
    Instant t0 = clock.instant();
    for (String id : List.of("J1", "J2")) {
      Event event = new Event("E" + id, "app", "x", new byte[0], Map.of(), null, t0);
      NewJob job = new NewJob(id, JobKind.HANDLER, "h", null, 3, t0, null);
      store.append(List.of(new NewEvent(event, List.of(job))));
    }
    CompletableFuture<Void> firstMayFinish = new CompletableFuture<>();
    CompletableFuture<Void> secondMayFinish = new CompletableFuture<>();
    Set<String> started = ConcurrentHashMap.newKeySet();
    dispatcher =
        new Dispatcher(
            store,
            clock,
            // One worker, batches of 2: J2 waits while J1 runs. A lease far beyond the test.
            new DispatchSettings(1, 2, Duration.ofMillis(50), Duration.ofHours(1), Map.of()),
            workers,
            c -> {
              started.add(c.job().id());
              (c.job().id().equals("J1") ? firstMayFinish : secondMayFinish).join();
              return WorkerOutcome.complete(success(c));
            },
            completion -> {
              store.complete(List.of(completion));
              return CompletableFuture.completedFuture(null);
            },
            new DatabaseHealth(),
            () -> {});
    dispatcher.start();
    dispatcher.wake();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> started.contains("J1"));
    assertThat(store.job("J2").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

    Duration staleThreshold = Duration.ofMinutes(5);
    clock.set(t0.plus(staleThreshold).plusSeconds(100)); // J1 ran long; J2 waited all along
    firstMayFinish.complete(null);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> started.contains("J2"));

    Instant now = clock.instant();
    var lost = store.recoverLost(now, now.minus(staleThreshold));

    assertThat(lost.requeued()).as("J2 started just now").isZero();
    assertThat(store.job("J2").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    secondMayFinish.complete(null);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.job("J2").orElseThrow().status() == JobStatus.COMPLETED);
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
