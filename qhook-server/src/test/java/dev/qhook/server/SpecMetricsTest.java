package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every metric of docs/reference/http-api.md, "GET /metrics" (the table below is that list), in the
 * scrape of a running server that did one of everything: exposed under its documented name, with
 * its documented labels and a HELP text. And every metric the Grafana dashboard in
 * docs/grafana/qhook-dashboard.json queries is one the server exposes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "qhook-dashboard.json");

  /** Name as scraped, and its labels ("" for none). */
  private static final List<String[]> SPEC =
      List.of(
          spec("qhook_events_received_total", ""),
          spec("qhook_events_by_source_total", "source"),
          spec("qhook_events_duplicated_total", ""),
          spec("qhook_events_unmatched_total", ""),
          spec("qhook_jobs_created_total", ""),
          spec("qhook_deliveries_total", "result"),
          spec("qhook_deliveries_by_handler_total", "handler,result"),
          spec("qhook_delivery_duration_seconds_sum", ""),
          spec("qhook_delivery_duration_seconds_count", ""),
          spec("qhook_delivery_duration_seconds_max", ""),
          spec("qhook_delivery_errors_by_type_total", "type"),
          spec("qhook_verification_failures_total", "source"),
          spec("qhook_dlq_total", "handler"),
          spec("qhook_db_errors_total", ""),
          spec("qhook_alerts_sent_total", ""),
          spec("qhook_alerts_failed_total", ""),
          spec("qhook_queue_depth", ""),
          spec("qhook_dead_jobs", ""),
          spec("qhook_workflow_runs_total", "status,workflow"),
          spec("qhook_workflow_steps_completed_total", "workflow"),
          spec("qhook_callbacks_received_total", ""),
          spec("qhook_callbacks_expired_total", ""),
          spec("qhook_circuit_breaker_opened_total", "handler"),
          spec("qhook_circuit_breaker_rejected_total", "handler"),
          spec("qhook_queue_messages_delivered_total", "queue"),
          spec("qhook_queue_messages_acked_total", "queue"),
          spec("qhook_queue_messages_nacked_total", "queue"),
          spec("qhook_queue_messages_expired_total", "queue"),
          spec("qhook_metric_label_count", ""));

  private static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        app: { type: event }
        gh: { type: webhook, verify: github, secret: s3cret }
      handlers:
        failing:
          source: app
          events: [fail]
          url: FAILING/failing
          retry: { max: 1 }
        working:
          source: app
          events: [ok]
          url: WORKING/working
      queues:
        work:
          source: app
          events: [msg]
          visibility_timeout: 1s
      workflows:
        flow:
          source: app
          events: [flow]
          steps:
            - { name: only, url: WORKING/step }
      """;

  private RecordingReceiver failing;
  private RecordingReceiver working;
  private RunningServer server;

  @BeforeAll
  void startAndDoOneOfEverything() throws Exception {
    failing = RecordingReceiver.start();
    failing.respondByDefault(RecordingReceiver.Response.status(500));
    working = RecordingReceiver.start();
    String yaml = YAML.replace("FAILING", failing.url("")).replace("WORKING", working.url(""));
    server =
        RunningServer.start(
            QHookConfig.fromYaml(yaml),
            engine -> engine.meterRegistry(PrometheusMetrics.withJvmMetrics()),
            UnaryOperator.identity());
    doOneOfEverything();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    working.close();
    failing.close();
  }

  @Test
  void everyDocumentedMetricIsExposedWithItsLabelsAndHelpText() {
    String scrape = scrape();

    List<String> problems = new ArrayList<>();
    for (String[] metric : SPEC) {
      String name = metric[0];
      Set<String> labels = new TreeSet<>(Arrays.asList(metric[1].split(",")));
      labels.remove("");
      List<String> samples = samples(scrape, name);
      if (samples.isEmpty()) {
        problems.add(name + ": no sample");
        continue;
      }
      for (String sample : samples) {
        if (!labelNames(sample).equals(labels)) {
          problems.add(name + ": labels " + labelNames(sample) + " instead of " + labels);
        }
      }
      if (!hasHelp(scrape, name)) {
        problems.add(name + ": no HELP text");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(scrape).doesNotContain("qhook_jobs_total");
    assertThat(samples(scrape, "qhook_jobs_created_total"))
        .as("six failing, one working, the run's step and three messages")
        .containsExactly("qhook_jobs_created_total 11.0");
    assertThat(Double.parseDouble(value(samples(scrape, "qhook_metric_label_count").get(0))))
        .as("source, handler, result, type, queue, workflow and status values")
        .isGreaterThan(10);
  }

  @Test
  void everyMetricTheDashboardQueriesIsExposed() throws Exception {
    JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
    assertThat(dashboard.get("panels")).isNotEmpty();
    assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
    assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
    Set<String> queried = new TreeSet<>();
    Pattern metricName = Pattern.compile("\\b((?:qhook|jvm|process)_[a-z0-9_]+)");
    for (JsonNode expr : dashboard.findValues("expr")) {
      Matcher m = metricName.matcher(expr.asText());
      while (m.find()) {
        queried.add(m.group(1));
      }
    }
    assertThat(queried).contains("qhook_events_received_total", "qhook_deliveries_total");

    String scrape = scrape();

    Set<String> exposed =
        scrape
            .lines()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .map(line -> line.split("[ {]", 2)[0])
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(queried).allSatisfy(name -> assertThat(exposed).as(name).contains(name));
  }

  /**
   * One of everything that feeds a labelled family: a verification failure, five dead jobs that
   * open the failing handler's breaker and a sixth job it rejects, a delivery that works, a
   * workflow run, and queue messages received, acked, nacked and left to expire.
   */
  private void doOneOfEverything() throws Exception {
    assertThat(server.post("/webhooks/gh", "{}").statusCode()).isEqualTo(401);
    for (int i = 1; i <= 5; i++) {
      ingest("fail");
      int dead = i;
      Awaitility.await().atMost(WAIT).until(() -> scrape().contains(dlq(dead)));
    }
    ingest("fail");
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> scrape().contains("qhook_circuit_breaker_rejected_total{handler=\"failing\"}"));
    ingest("ok");
    ingest("flow");
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                scrape()
                    .contains(
                        "qhook_workflow_runs_total{status=\"completed\",workflow=\"flow\"} 1.0"));
    ingest("msg");
    ingest("msg");
    ingest("msg");
    ack(receive());
    nack(receive());
    receive(); // and let its lease lapse
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> scrape().contains("qhook_queue_messages_expired_total{queue=\"work\"}"));
  }

  private static String dlq(int dead) {
    return "qhook_dlq_total{handler=\"failing\"} " + dead + ".0";
  }

  private void ingest(String type) {
    HttpResponse<String> response = server.post("/events/app/" + type, "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private String receive() throws Exception {
    HttpResponse<String> response = server.get("/api/queues/work/messages");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode messages = JSON.readTree(response.body()).get("messages");
    assertThat(messages).hasSize(1);
    return messages.get(0).get("id").asText();
  }

  private void ack(String id) {
    assertThat(server.post("/api/queues/work/ack", "{\"ids\":[\"" + id + "\"]}").statusCode())
        .isEqualTo(200);
  }

  private void nack(String id) {
    assertThat(
            server
                .post("/api/queues/work/nack", "{\"ids\":[\"" + id + "\"],\"delay\":3600}")
                .statusCode())
        .isEqualTo(200);
  }

  private String scrape() {
    return server.get("/metrics").body();
  }

  private static String[] spec(String name, String labels) {
    return new String[] {name, labels};
  }

  private static List<String> samples(String scrape, String name) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .toList();
  }

  private static Set<String> labelNames(String sample) {
    Set<String> names = new TreeSet<>();
    int open = sample.indexOf('{');
    if (open < 0) {
      return names;
    }
    Matcher m = Pattern.compile("([a-z_]+)=\"").matcher(sample.substring(open));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String value(String sample) {
    return sample.substring(sample.lastIndexOf(' ') + 1);
  }

  /** A non-empty HELP line for the metric's family ({@code _sum}, {@code _count} of a timer). */
  private static boolean hasHelp(String scrape, String name) {
    String family = name.replaceFirst("_(sum|count)$", "");
    return scrape
        .lines()
        .anyMatch(
            line ->
                (line.startsWith("# HELP " + name + " ")
                        || line.startsWith("# HELP " + family + " "))
                    && !line.substring(line.indexOf(' ', 7) + 1).isBlank());
  }
}
