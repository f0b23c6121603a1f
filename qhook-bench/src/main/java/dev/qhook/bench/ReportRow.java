package dev.qhook.bench;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the table: the measurement keys of qhook and of its baseline (written by the kit's
 * steps into the measurements file) and the target.
 *
 * @param baselineAlone show the row with qhook "not measured" when only the baseline was measured
 *     (a scenario whose qhook side is not built yet), instead of leaving it out
 */
record ReportRow(
    String scenario,
    String qhookKey,
    @Nullable String baselineKey,
    Target target,
    boolean baselineAlone) {
  private static final Target NONE = new Target.None();

  ReportRow(String scenario, String qhookKey, @Nullable String baselineKey, Target target) {
    this(scenario, qhookKey, baselineKey, target, false);
  }

  /**
   * Every row the kit can fill, in table order; rows whose qhook value is missing are skipped,
   * unless {@link #baselineAlone} and the baseline was measured.
   */
  static List<ReportRow> all() {
    List<ReportRow> rows = new ArrayList<>(fixedScenarios());
    rows.addAll(steady("sqlite", "SQLite"));
    rows.addAll(steady("postgres", "PostgreSQL"));
    rows.addAll(large("sqlite", "SQLite"));
    rows.addAll(large("postgres", "PostgreSQL"));
    return rows;
  }

  /**
   * Rows of {@code bench/run.sh large}: a store holding a month of history against an empty one.
   */
  private static List<ReportRow> large(String db, String label) {
    String k = "large." + db;
    return List.of(
        new ReportRow(
            "large store ingest req/s, " + label + " (vs empty store)",
            k + ".full.ingest.rps",
            k + ".empty.ingest.rps",
            new Target.RatioAtLeast(0.8)),
        new ReportRow(
            "large store push deliveries/s, " + label + " (vs empty store)",
            k + ".full.push.rate",
            k + ".empty.push.rate",
            new Target.RatioAtLeast(0.8)),
        new ReportRow(
            "ingest req/s while retention deletes the history, " + label + " (vs large store)",
            k + ".cleanup.ingest.rps",
            k + ".full.ingest.rps",
            new Target.RatioAtLeast(0.8)),
        new ReportRow(
            "ingest p99 ms while retention deletes the history, " + label + " (vs large store)",
            k + ".cleanup.ingest.p99_ms",
            k + ".full.ingest.p99_ms",
            NONE));
  }

  private static List<ReportRow> fixedScenarios() {
    return List.of(
        new ReportRow(
            "ingest req/s, SQLite (vs bare JDK server)",
            "ingest.sqlite.rps",
            "ingest.bare.rps",
            new Target.RatioAtLeast(0.5)),
        new ReportRow("ingest p50 ms, SQLite", "ingest.sqlite.p50_ms", "ingest.bare.p50_ms", NONE),
        new ReportRow("ingest p99 ms, SQLite", "ingest.sqlite.p99_ms", "ingest.bare.p99_ms", NONE),
        new ReportRow(
            "ingest non-2xx/errors, SQLite", "ingest.sqlite.errors", "ingest.bare.errors", NONE),
        new ReportRow(
            "ingest req/s, PostgreSQL (vs bare JDK server)",
            "ingest.postgres.rps",
            "ingest.bare.rps",
            new Target.RatioAtLeast(0.5)),
        new ReportRow(
            "ingest p50 ms, PostgreSQL", "ingest.postgres.p50_ms", "ingest.bare.p50_ms", NONE),
        new ReportRow(
            "ingest p99 ms, PostgreSQL", "ingest.postgres.p99_ms", "ingest.bare.p99_ms", NONE),
        new ReportRow(
            "ingest non-2xx/errors, PostgreSQL",
            "ingest.postgres.errors",
            "ingest.bare.errors",
            NONE),
        new ReportRow(
            "ingest req/s, MySQL (MariaDB; vs bare JDK server)",
            "ingest.mysql.rps",
            "ingest.bare.rps",
            new Target.RatioAtLeast(0.5)),
        new ReportRow("ingest p50 ms, MySQL", "ingest.mysql.p50_ms", "ingest.bare.p50_ms", NONE),
        new ReportRow("ingest p99 ms, MySQL", "ingest.mysql.p99_ms", "ingest.bare.p99_ms", NONE),
        new ReportRow(
            "ingest non-2xx/errors, MySQL", "ingest.mysql.errors", "ingest.bare.errors", NONE),
        new ReportRow(
            "push deliveries/s, SQLite (vs db-scheduler on PostgreSQL)",
            "push.sqlite.rate",
            "push.dbscheduler.rate",
            new Target.RatioAtLeast(1.5)),
        new ReportRow(
            "push deliveries/s, PostgreSQL (vs db-scheduler)",
            "push.postgres.rate",
            "push.dbscheduler.rate",
            new Target.RatioAtLeast(1.5)),
        new ReportRow(
            "push deliveries/s, MySQL (MariaDB; vs db-scheduler on PostgreSQL)",
            "push.mysql.rate",
            "push.dbscheduler.rate",
            new Target.RatioAtLeast(1.5)),
        new ReportRow("latency p50 ms, SQLite", "latency.sqlite.p50_ms", null, NONE),
        new ReportRow(
            "latency p99 ms, SQLite", "latency.sqlite.p99_ms", null, new Target.Below(20, "ms")),
        new ReportRow("latency max ms, SQLite", "latency.sqlite.max_ms", null, NONE),
        new ReportRow(
            "latency p99 ms to the 202 only, SQLite", "latency.sqlite.ingest_p99_ms", null, NONE),
        new ReportRow(
            "latency events failed or not delivered within 30 s, SQLite",
            "latency.sqlite.lost",
            null,
            NONE),
        new ReportRow("latency p50 ms, PostgreSQL", "latency.postgres.p50_ms", null, NONE),
        new ReportRow(
            "latency p99 ms, PostgreSQL",
            "latency.postgres.p99_ms",
            null,
            new Target.Below(20, "ms")),
        new ReportRow("latency max ms, PostgreSQL", "latency.postgres.max_ms", null, NONE),
        new ReportRow(
            "latency p99 ms to the 202 only, PostgreSQL",
            "latency.postgres.ingest_p99_ms",
            null,
            NONE),
        new ReportRow(
            "latency events failed or not delivered within 30 s, PostgreSQL",
            "latency.postgres.lost",
            null,
            NONE),
        pullRate("SQLite, single posts", "pull.sqlite.rate"),
        pullRate("SQLite, batch posts", "pull.sqlite.batch.rate"),
        pullRate("PostgreSQL, single posts", "pull.postgres.rate"),
        pullRate("PostgreSQL, batch posts", "pull.postgres.batch.rate"),
        pullP99("SQLite, single posts", "pull.sqlite.p99_ms"),
        pullP99("SQLite, batch posts", "pull.sqlite.batch.p99_ms"),
        pullP99("PostgreSQL, single posts", "pull.postgres.p99_ms"),
        pullP99("PostgreSQL, batch posts", "pull.postgres.batch.p99_ms"),
        new ReportRow(
            "start to ready s (vs bare JDK server)",
            "footprint.qhook.ready_s",
            "footprint.bare.ready_s",
            new Target.Below(1, "s")),
        new ReportRow(
            "RSS idle MiB",
            "footprint.qhook.rss_idle_mib",
            "footprint.bare.rss_idle_mib",
            new Target.Below(128, "MiB")),
        new ReportRow(
            "RSS under ingest load MiB",
            "footprint.qhook.rss_load_mib",
            "footprint.bare.rss_load_mib",
            NONE));
  }

  /**
   * The steady-load rows of one store: capacity against the combination of ingest alone and push
   * alone, latency at shares of the capacity (targets up to 50 %), at the fixed rate, and after a
   * cold start.
   */
  private static List<ReportRow> steady(String db, String name) {
    String k = "steady." + db;
    List<ReportRow> rows = new ArrayList<>();
    rows.add(
        new ReportRow(
            "steady capacity C events/s, " + name + " (vs 1 / (1/I + 1/P) of this run)",
            k + ".capacity",
            k + ".combined",
            new Target.RatioAtLeast(0.8)));
    rows.add(new ReportRow("steady ingest alone I req/s, " + name, k + ".ingest.rps", null, NONE));
    rows.add(
        new ReportRow("steady push alone P deliveries/s, " + name, k + ".push.rate", null, NONE));
    for (int percent : new int[] {10, 25, 50, 75}) {
      boolean judged = percent <= 50;
      String at = k + ".at" + percent;
      String label = "steady at " + percent + " % of C, " + name + ": ";
      rows.add(new ReportRow(label + "events/s", at + ".rate", null, NONE));
      rows.add(new ReportRow(label + "end-to-end p50 ms", at + ".p50_ms", null, NONE));
      rows.add(
          new ReportRow(
              label + "end-to-end p99 ms",
              at + ".p99_ms",
              null,
              judged ? new Target.Below(20, "ms") : NONE));
      rows.add(
          new ReportRow(
              label + "202 p99 ms",
              at + ".ingest_p99_ms",
              null,
              judged ? new Target.Below(10, "ms") : NONE));
      rows.add(new ReportRow(label + "end-to-end max ms", at + ".max_ms", null, NONE));
    }
    String fixed = k + ".fixed";
    rows.add(
        new ReportRow(
            "steady at 1,000 events/s, " + name + ": end-to-end p99 ms",
            fixed + ".p99_ms",
            null,
            new Target.Below(20, "ms")));
    rows.add(
        new ReportRow(
            "steady at 1,000 events/s, " + name + ": 202 p99 ms",
            fixed + ".ingest_p99_ms",
            null,
            NONE));
    rows.add(
        new ReportRow("steady events failed or not delivered, " + name, k + ".lost", null, NONE));
    rows.add(
        new ReportRow(
            "steady cold start at 25 % of C, " + name + ": worst p99 of one second, ms",
            k + ".cold.worst_second_p99_ms",
            null,
            new Target.Below(100, "ms")));
    rows.add(
        new ReportRow(
            "steady cold start, " + name + ": end-to-end p99 ms over 30 s",
            k + ".cold.p99_ms",
            null,
            NONE));
    rows.add(
        new ReportRow(
            "steady cold start, " + name + ": events failed or not delivered",
            k + ".cold.lost",
            null,
            NONE));
    return rows;
  }

  /** Pull queues: messages consumed per second in steady state, against RabbitMQ's (issue 11). */
  private static ReportRow pullRate(String variant, String qhookKey) {
    return new ReportRow(
        "pull consumed msg/s, " + variant + " (vs RabbitMQ)",
        qhookKey,
        "pull.rabbitmq.rate",
        new Target.RatioAtLeast(1.0),
        true);
  }

  /** Pull queues: p99 from post (publish) to receive (consume), against RabbitMQ's. */
  private static ReportRow pullP99(String variant, String qhookKey) {
    return new ReportRow(
        "pull p99 ms publish to consume, " + variant + " (vs RabbitMQ)",
        qhookKey,
        "pull.rabbitmq.p99_ms",
        NONE,
        true);
  }
}
