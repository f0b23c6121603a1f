package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.testkit.RecordingReceiver;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} as Prometheus scrapes it (docs/reference/http-api.md, "GET /metrics"): every
 * metric has HELP text, and the store gauges read numbers, also after a garbage collection.
 */
class MetricsScrapeTest {

  /** Issue 10 item 9: qhook_dead_jobs read NaN on a fresh server, and every HELP was empty. */
  @Test
  void aFreshServerReadsZeroDeadJobsAfterAGarbageCollection() {
    try (RunningServer server = withJvmMetrics(new TestConfig().eventSource("app"))) {
      assertThat(scrape(server)).contains("qhook_dead_jobs 0.0");

      collectGarbage();

      List<String> samples = samples(scrape(server));
      assertThat(samples).contains("qhook_dead_jobs 0.0", "qhook_queue_depth 0.0");
      assertThat(samples).noneMatch(line -> line.endsWith(" NaN"));
    }
  }

  @Test
  void everyMetricHasHelpText() {
    try (RecordingReceiver receiver = RecordingReceiver.start();
        RunningServer server =
            withJvmMetrics(
                new TestConfig()
                    .eventSource("app")
                    .handler("h", "app", receiver.url("/h"), TestConfig.attempts(1)))) {
      receiver.respondWith(500);
      server.post("/events/app/x", "{}");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> scrape(server).contains("qhook_dlq_total{handler=\"h\"} 1.0"));

      String scrape = scrape(server);

      List<String> help = scrape.lines().filter(line -> line.startsWith("# HELP ")).toList();
      assertThat(help).hasSizeGreaterThan(40).anyMatch(line -> line.startsWith("# HELP jvm_"));
      assertThat(help)
          .allSatisfy(
              line -> {
                String[] parts = line.split(" ", 4);
                assertThat(parts).as(line).hasSize(4);
                assertThat(parts[3]).as(line).isNotBlank();
              });
      assertThat(help)
          .contains(
              "# HELP qhook_jobs_created_total Jobs created, of every kind: at ingest, by replays"
                  + " and by workflow transitions",
              "# HELP qhook_dead_jobs Jobs that are dead (delivery given up), read from the"
                  + " database at most once a second");
    }
  }

  /** A server whose registry is the one qhook start uses, JVM and process meters included. */
  private static RunningServer withJvmMetrics(TestConfig config) {
    return RunningServer.start(
        config.build(), engine -> engine.meterRegistry(PrometheusMetrics.withJvmMetrics()), s -> s);
  }

  private static String scrape(RunningServer server) {
    return server.get("/metrics").body();
  }

  private static List<String> samples(String scrape) {
    return scrape.lines().filter(line -> !line.startsWith("#")).toList();
  }

  /** Runs the collector until a weakly held object is gone, as a long-running server's would. */
  private static void collectGarbage() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return canary.get() == null;
            });
  }
}
