package dev.qhook.bench;

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
            "push deliveries/s, SQLite (vs db-scheduler on PostgreSQL)",
            "push.sqlite.rate",
            "push.dbscheduler.rate",
            new Target.RatioAtLeast(1.5)),
        new ReportRow(
            "push deliveries/s, PostgreSQL (vs db-scheduler)",
            "push.postgres.rate",
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
