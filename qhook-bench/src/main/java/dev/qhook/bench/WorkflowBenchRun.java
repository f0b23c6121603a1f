package dev.qhook.bench;

import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Workflow steps against plain push (issue #12, item 8): pre-loads a backlog of events, each
 * starting one run of a five-step workflow (http, http, choice, parallel of two branches, http;
 * five HTTP calls to a loopback {@link Receiver}), then starts an engine and times how fast it
 * completes every run. Step transitions per second = 5 × runs / seconds. In the same JVM and on the
 * same database it then times {@link PushDeliveryRun} with as many plain handler deliveries as the
 * workflow made HTTP calls, so the two rates compare like for like.
 *
 * <p>The backlog goes through the engine's own ingest path (each run starts in the event's
 * transaction), on a {@link NoClaimStore} so that nothing runs while loading. With {@code --warmup
 * N}, whole rounds of N runs go first, unmeasured.
 *
 * <p>{@code WorkflowBenchRun --database sqlite:/tmp/wf.db --runs 5000 --warmup 2000 --key
 * workflow.sqlite --out measurements.tsv}
 */
public final class WorkflowBenchRun {
  /** Steps per run, each one transition: a, b, the choice, the parallel step, e. */
  static final int STEPS = 5;

  /** HTTP calls per run: a, b, two branches, e. */
  static final int CALLS = 5;

  private WorkflowBenchRun() {}

  public static void main(String[] argv) {
    Cli.run(
        "workflow",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "database",
                  "runs",
                  "warmup",
                  "max-concurrency",
                  "batch-size",
                  "key",
                  "out");
          String database = args.get("database");
          int maxConcurrency = args.getInt("max-concurrency", 0);
          int batchSize = args.getInt("batch-size", 0);
          int warmup = args.getInt("warmup", 0);
          int runs = args.getInt("runs", 5_000);
          String key = args.get("key");
          Path out = Path.of(args.get("out"));
          QHookConfig storeConfig =
              QHookConfig.fromYaml(yaml(database, "http://127.0.0.1:9", maxConcurrency, batchSize));
          try (JdbcStore store = JdbcStore.fromConfig(storeConfig.database())) {
            if (warmup > 0) {
              System.out.printf("warm-up round (not measured): %d runs%n", warmup);
              run(store, database, warmup, maxConcurrency, batchSize);
              Settle.afterRound(database);
            }
            double transitions = run(store, database, runs, maxConcurrency, batchSize);
            Measurements.append(out, key + ".transitions", transitions);
            Settle.afterRound(database);
            double push =
                PushDeliveryRun.run(store, database, runs * CALLS, maxConcurrency, batchSize, 0);
            Measurements.append(out, key + ".push", push);
            double calls = transitions / STEPS * CALLS;
            Measurements.append(out, key + ".calls", calls);
            System.out.printf(
                "workflow: %.0f step transitions/s (%.0f HTTP calls/s); plain push %.0f"
                    + " deliveries/s; ratio of calls %.2f%n",
                transitions, calls, push, calls / push);
          }
        });
  }

  /** The bench config plus the workflow {@code five} on every event (the handler matches none). */
  static String yaml(String databaseUrl, String receiverBase, int maxConcurrency, int batchSize) {
    return BenchConfig.yaml(
            databaseUrl, 19_999, receiverBase + "/hook", maxConcurrency, batchSize, "never", "")
        + """
        workflows:
          five:
            source: bench
            events: [order.created]
            steps:
              - { name: a, url: "RECEIVER/a", result_path: $.a }
              - { name: b, url: "RECEIVER/b", result_path: $.b }
              - name: c
                type: choice
                choices: [{ when: "$.amount exists", goto: d }]
                default: d
              - name: d
                type: parallel
                result_path: $.par
                branches:
                  - { name: left, url: "RECEIVER/left" }
                  - { name: right, url: "RECEIVER/right" }
              - { name: e, url: "RECEIVER/e", result_path: null }
        """
            .replace("RECEIVER", receiverBase);
  }

  /** Step transitions per second of one round of {@code runs} runs on {@code store}. */
  static double run(
      JdbcStore store, String databaseUrl, int runs, int maxConcurrency, int batchSize)
      throws Exception {
    try (Receiver receiver = Receiver.start(0, false)) {
      QHookConfig config =
          QHookConfig.fromYaml(
              yaml(databaseUrl, receiver.url("").replaceAll("/$", ""), maxConcurrency, batchSize));
      PushDeliveryRun.preload(config, store, runs); // also migrates a new database
      long before = completed(store); // earlier rounds' runs; none of this round's ran yet
      long available = store.countJobsByStatus().getOrDefault(JobStatus.AVAILABLE, 0L);
      if (available != runs) {
        throw new IllegalStateException(
            "expected " + runs + " available first steps after loading, found " + available);
      }
      try (QHook engine = QHook.builder().config(config).store(store).build()) {
        long cpuStarted = ProcessCpu.nanos();
        long started = System.nanoTime();
        engine.start();
        Duration bound = Bounds.forRate(runs * STEPS, 100);
        if (!Bounds.await(() -> completedBy(engine) - before >= runs, bound)) {
          throw new IllegalStateException(
              "completed "
                  + (completedBy(engine) - before)
                  + " of "
                  + runs
                  + " runs within "
                  + bound
                  + "; runs: "
                  + engine.workflowRuns().countByStatus());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<RunStatus, Long> byStatus = engine.workflowRuns().countByStatus();
        if (byStatus.getOrDefault(RunStatus.FAILED, 0L) > 0) {
          throw new IllegalStateException("runs failed: " + byStatus);
        }
        System.out.printf(
            "workflow %s: %d runs (%d step transitions, %d HTTP calls) in %.2f s,"
                + " %.0f µs of process CPU per transition (receiver included)%n",
            config.database().driver(),
            runs,
            runs * STEPS,
            receiver.requests(),
            seconds,
            (ProcessCpu.nanos() - cpuStarted) / 1e3 / (runs * STEPS));
        return runs * STEPS / seconds;
      }
    }
  }

  private static long completed(JdbcStore store) {
    return store.runs().countRunsByStatus().getOrDefault(RunStatus.COMPLETED, 0L);
  }

  private static long completedBy(QHook engine) {
    return engine.workflowRuns().countByStatus().getOrDefault(RunStatus.COMPLETED, 0L);
  }
}
