package dev.qhook.bench;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Push delivery: pre-loads a backlog of events with one handler job each, then starts an engine and
 * times how fast it delivers the backlog to a loopback {@link Receiver} (a real HTTP request per
 * delivery, answered 200).
 *
 * <p>The backlog goes through the engine's own ingest path, on a {@link NoClaimStore} so that
 * nothing is delivered while loading; the measured engine is a second one on the same database. The
 * rate is events divided by the time from its {@code start()} to the last first arrival.
 *
 * <p>With {@code --warmup N}, whole rounds of N events (preload, start, deliver, stop; {@code
 * --warmup-rounds}, default 1) run first in the same JVM and are not measured, so that the measured
 * round runs compiled code, as a server that has been up for a while does; {@link
 * DbSchedulerBaseline} takes the same options. One round is not enough: the next round's start (a
 * new engine, a new receiver, new connections) deoptimizes code compiled on the first round's
 * profile, and the recompiling lands in the measured round.
 *
 * <p>{@code --keep-days D} keeps events and finished jobs D days, for a store that holds a history
 * (the engine's cleanup at start would otherwise delete it).
 *
 * <p>{@code PushDeliveryRun --database sqlite:/tmp/push.db --events 50000 --warmup 10000 --key
 * push.sqlite --out measurements.tsv}
 */
public final class PushDeliveryRun {
  private static final int LOADER_THREADS = 64;

  private PushDeliveryRun() {}

  public static void main(String[] argv) {
    Cli.run(
        "push-delivery",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "database",
                  "events",
                  "warmup",
                  "warmup-rounds",
                  "max-concurrency",
                  "batch-size",
                  "key",
                  "out",
                  "keep-days");
          int maxConcurrency = args.getInt("max-concurrency", 0);
          int batchSize = args.getInt("batch-size", 0);
          int warmup = args.getInt("warmup", 0);
          int keepDays = args.getInt("keep-days", 0);
          String database = args.get("database");
          QHookConfig storeConfig =
              QHookConfig.fromYaml(
                  BenchConfig.yaml(database, 19_999, "http://127.0.0.1:9/", 0, 0, "*", ""));
          try (JdbcStore store = JdbcStore.fromConfig(storeConfig.database())) {
            int warmupRounds = warmup > 0 ? args.getInt("warmup-rounds", 1) : 0;
            for (int round = 1; round <= warmupRounds; round++) {
              System.out.printf("warm-up round %d (not measured): %d events%n", round, warmup);
              run(store, database, warmup, maxConcurrency, batchSize, keepDays);
              Settle.afterRound(database);
            }
            double rate =
                run(
                    store,
                    database,
                    args.getInt("events", 50_000),
                    maxConcurrency,
                    batchSize,
                    keepDays);
            Measurements.append(Path.of(args.get("out")), args.get("key") + ".rate", rate);
          }
        });
  }

  /**
   * Deliveries per second of one round on {@code store}, which every round shares (as the one store
   * of a server that has been up for a while).
   */
  static double run(
      JdbcStore store,
      String databaseUrl,
      int events,
      int maxConcurrency,
      int batchSize,
      int keepDays)
      throws Exception {
    try (Receiver receiver = Receiver.start(0, true)) {
      String yaml =
          BenchConfig.yaml(
              databaseUrl, 19_999, receiver.url("/hook"), maxConcurrency, batchSize, "*", "");
      // With a history to keep (bench/run.sh large), the engine's cleanup at start must not delete
      // it.
      QHookConfig config =
          QHookConfig.fromYaml(keepDays > 0 ? BenchConfig.keeping(yaml, keepDays) : yaml);
      preload(config, store, events);
      long available = store.countJobsByStatus().getOrDefault(JobStatus.AVAILABLE, 0L);
      if (available != events) {
        throw new IllegalStateException(
            "expected " + events + " available jobs after loading, found " + available);
      }
      try (QHook engine = QHook.builder().config(config).store(store).build()) {
        long cpuStarted = ProcessCpu.nanos();
        long started = System.nanoTime();
        engine.start();
        Duration bound = Bounds.forRate(events, 200);
        if (!receiver.awaitDistinct(events, bound)) {
          throw new IllegalStateException(
              "delivered "
                  + receiver.distinctEvents()
                  + " of "
                  + events
                  + " within "
                  + bound
                  + "; jobs: "
                  + store.countJobsByStatus());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (ProcessCpu.nanos() - cpuStarted) / 1e3 / events;
        System.out.printf(
            "push %s: %d deliveries in %.2f s (%d requests, worker.max_concurrency %s),"
                + " %.0f µs of process CPU per delivery (receiver included)%n",
            config.database().driver(),
            events,
            seconds,
            receiver.requests(),
            config.worker().maxConcurrency(),
            cpuMicros);
        return events / seconds;
      }
    }
  }

  /** Ingests {@code events} events through an engine that delivers nothing. */
  private static void preload(QHookConfig config, JdbcStore store, int events) throws Exception {
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    // A handler limit keeps the loader from leasing jobs at ingest (its limit is the claim's to
    // decide): every job is stored available. The limit is not stored; the measured engine runs
    // the config as given.
    HandlerConfig handler = config.handlers().get("receiver");
    QHookConfig loaderConfig =
        config.toBuilder().handler(handler.toBuilder().maxConcurrency(1_000).build()).build();
    try (QHook loader =
        QHook.builder().config(loaderConfig).store(NoClaimStore.over(store)).build()) {
      loader.start();
      ExecutorService threads = Executors.newFixedThreadPool(LOADER_THREADS);
      try {
        Future<?>[] done = new Future<?>[LOADER_THREADS];
        for (int t = 0; t < LOADER_THREADS; t++) {
          done[t] =
              threads.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                      loader.ingest(
                          new IngestRequest(
                              "bench",
                              "order.created",
                              Payloads.event(i),
                              Map.of("content-type", "application/json")));
                    }
                    return null;
                  });
        }
        for (Future<?> f : done) {
          f.get(Bounds.forRate(events, 100).toSeconds(), TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
    }
    System.out.printf(
        "preloaded %d events in %.2f s%n", events, (System.nanoTime() - started) / 1e9);
  }
}
