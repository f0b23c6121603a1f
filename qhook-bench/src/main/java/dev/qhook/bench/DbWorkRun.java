package dev.qhook.bench;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the database does per event: K engines on one PostgreSQL database take a steady stream of N
 * events (round-robin, R events/s), each delivered to a loopback {@link Receiver}; the counters of
 * PostgreSQL ({@link PgStats}: commits, rows written, and with {@code pg_stat_statements} the
 * statements and the WAL they wrote) are read before and after. The counts do not depend on how
 * busy the machine is; the CPU columns (this JVM, the PostgreSQL server's processes) do.
 *
 * <p>A warm-up round on engines of its own runs first and is closed before the measured round, so
 * that its work is counted before the first snapshot. Backends send their counters when they end:
 * the measured engines are closed before the second.
 *
 * <p>{@code DbWorkRun --database postgres://u:p@h/db --jdbc jdbc:postgresql://... --instances 3
 * --events 20000 --rate 500 --key scaling.k3 --out measurements.tsv}
 */
public final class DbWorkRun {
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

  private DbWorkRun() {}

  public static void main(String[] argv) {
    Cli.run(
        "db-work",
        () -> {
          Args args =
              Args.parse(
                  argv, "database", "jdbc", "instances", "events", "warmup", "rate", "key", "out");
          String database = args.get("database");
          int instances = args.getInt("instances", 1);
          int events = args.getInt("events", 20_000);
          int rate = args.getInt("rate", 500);
          String key = args.get("key");
          Path out = Path.of(args.get("out"));
          try (Receiver receiver = Receiver.start(0, true);
              PgStats stats = new PgStats(args.get("jdbc"))) {
            QHookConfig config =
                QHookConfig.fromYaml(
                    BenchConfig.yaml(database, 19_999, receiver.url("/hook"), 0, 0, "*", ""));
            int warmup = args.getInt("warmup", events / 2);
            System.out.printf("warm-up (not measured): %d events at %d/s%n", warmup, rate);
            round(config, instances, 0, warmup, rate, receiver, null);

            PgStats.Snapshot before = stats.snapshot();
            PostgresCpu postgres = new PostgresCpu(stats.backendPid());
            long serverCpu = postgres.ticks();
            long cpu = ProcessCpu.nanos();
            Map<String, Integer> waits =
                round(config, instances, warmup, events, rate, receiver, stats);
            double qhookCpuMs = (ProcessCpu.nanos() - cpu) / 1e6 / events;
            // Closed backends report their counters as they exit, and their CPU reaches the
            // postmaster's account of its children once it has reaped them.
            Thread.sleep(1_000);
            double serverCpuMs = PostgresCpu.millis(postgres.ticks() - serverCpu) / events;
            PgStats.Snapshot after = stats.snapshot();

            System.out.printf(
                "%d instance(s), %d events at %d/s; per event:%n", instances, events, rate);
            PgStats.record(before, after, events, out, key);
            System.out.printf("  %-16s %10.3f%n", "qhook_cpu_ms", qhookCpuMs);
            System.out.printf("  %-16s %10.3f%n", "postgres_cpu_ms", serverCpuMs);
            Measurements.append(out, key + ".qhook_cpu_ms", qhookCpuMs);
            Measurements.append(out, key + ".postgres_cpu_ms", serverCpuMs);
            printStatements(PgStats.statementDelta(before, after), events);
            printWaits(waits, out, key);
          }
        });
  }

  /**
   * One round on fresh engines: ingests {@code events} events numbered from {@code first} at {@code
   * rate}, round-robin, waits until each reached the receiver, closes the engines; samples the
   * backends' waits when {@code stats} is given.
   */
  private static Map<String, Integer> round(
      QHookConfig config,
      int instances,
      int first,
      int events,
      int rate,
      Receiver receiver,
      PgStats stats)
      throws Exception {
    Map<String, Integer> waits = new TreeMap<>();
    List<JdbcStore> stores = new ArrayList<>();
    List<QHook> engines = new ArrayList<>();
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    try {
      for (int i = 0; i < instances; i++) {
        JdbcStore store = JdbcStore.fromConfig(config.database());
        stores.add(store);
        QHook engine = QHook.builder().config(config).store(store).build();
        engines.add(engine);
        engine.start();
      }
      if (stats != null) {
        timer.scheduleAtFixedRate(
            () -> {
              try {
                stats.waits().forEach((w, n) -> waits.merge(w, n, Integer::sum));
              } catch (Exception e) {
                waits.merge("sample-failed", 1, Integer::sum);
              }
            },
            0,
            SAMPLE_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
      }
      AtomicInteger next = new AtomicInteger(first);
      int end = first + events;
      long periodMicros = 1_000_000L / rate;
      timer.scheduleAtFixedRate(
          () -> {
            int n = next.getAndIncrement();
            if (n < end) {
              engines
                  .get(n % instances)
                  .ingestAsync(
                      new IngestRequest(
                          "bench",
                          "order.created",
                          Payloads.event(n),
                          Map.of("content-type", "application/json")));
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      Duration bound = Duration.ofSeconds(events / rate + 60);
      if (!receiver.awaitDistinct(first + events, bound)) {
        throw new IllegalStateException(
            "delivered " + (receiver.distinctEvents() - first) + " of " + events + " in " + bound);
      }
    } finally {
      timer.shutdownNow();
      engines.forEach(QHook::close);
      stores.forEach(JdbcStore::close);
    }
    return waits;
  }

  private static void printStatements(Map<String, PgStats.Statement> statements, int events) {
    if (statements.isEmpty()) {
      System.out.println("  (statements: pg_stat_statements is not loaded)");
      return;
    }
    System.out.println("  statements per event, most frequent first (calls, rows, WAL bytes):");
    statements.values().stream()
        .sorted(Comparator.comparingDouble(PgStats.Statement::calls).reversed())
        .limit(12)
        .forEach(
            s ->
                System.out.printf(
                    "    %6.3f %7.2f %8.0f  %s%n",
                    s.calls() / events,
                    s.rows() / events,
                    s.walBytes() / events,
                    oneLine(s.query())));
  }

  private static void printWaits(Map<String, Integer> waits, Path out, String key)
      throws IOException {
    int samples = waits.values().stream().mapToInt(Integer::intValue).sum();
    int lock = 0;
    System.out.println("  active backends by wait (samples every 100 ms):");
    for (Map.Entry<String, Integer> e : waits.entrySet()) {
      System.out.printf("    %-40s %6d%n", e.getKey(), e.getValue());
      if (e.getKey().startsWith("Lock:")) {
        lock += e.getValue();
      }
    }
    double lockShare = samples == 0 ? 0 : (double) lock / samples;
    Measurements.append(out, key + ".lock_wait_share", lockShare);
  }

  private static String oneLine(String query) {
    String flat = query.replaceAll("\\s+", " ");
    return flat.length() > 110 ? flat.substring(0, 107) + "..." : flat;
  }

  /**
   * CPU of one PostgreSQL server on this machine, from /proc (Linux): its postmaster (found as the
   * parent of a backend), the children it has reaped (backends that ended) and the children running
   * now. Other servers on the machine are not counted.
   */
  static final class PostgresCpu {
    private static final double TICKS_PER_SECOND = 100;

    private final long postmaster;

    PostgresCpu(long backendPid) {
      this.postmaster = field(backendPid, 1);
    }

    long ticks() {
      long total = field(postmaster, 11) + field(postmaster, 12);
      total += field(postmaster, 13) + field(postmaster, 14); // reaped children
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) procs::iterator) {
          String name = p.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            long pid = Long.parseLong(name);
            if (pid != postmaster && field(pid, 1) == postmaster) {
              total += field(pid, 11) + field(pid, 12);
            }
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return total;
    }

    static double millis(long ticks) {
      return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Field {@code index} of /proc/PID/stat after the command name (0 is the state); 0 if gone. */
    private static long field(long pid, int index) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[index]);
      } catch (IOException | RuntimeException gone) {
        return 0;
      }
    }
  }
}
