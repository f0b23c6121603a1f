package dev.qhook.jdbc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.RunDetail;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.RecordingReceiver.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * http steps and the data flow (docs/reference/configuration.md, "Workflows"): runs started by
 * ingest, steps in order, result_path, output templates, the run's output and its step history.
 */
class HttpWorkflowTest {
  @TempDir Path dir;

  static final String BASE =
      """
      server: { allow_private_urls: true }
      delivery:
        default_retry: { max: 2, backoff: fixed, interval: 1s, jitter: false }
      sources:
        app: { type: event }
      """;

  static Response json(String body) {
    return new Response(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
  }

  @Test
  void stepsRunInOrderAndTheRunCompletesWithTheLastOutput() throws Exception {
    String yaml =
        BASE
            + """
            workflows:
              order:
                source: app
                events: [order.created]
                steps:
                  - name: reserve
                    url: RECEIVER/reserve
                    result_path: $.reservation
                  - name: charge
                    url: RECEIVER/charge
                    input: '{"amount": {{ $.total }}, "ref": "{{ $.reservation.id }}"}'
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(json("{\"id\":\"r-1\"}")).respondWith(json("{\"charged\":true}"));

      IngestResult result = f.send("app", "order.created", "{\"total\":42}");

      assertThat(result.workflowRunsStarted()).isEqualTo(1);
      assertThat(result.jobsCreated()).isZero();
      WorkflowRun started = f.runOf(result.eventId());
      WorkflowRun done = f.awaitRun(started.id(), RunStatus.COMPLETED);
      assertThat(done.output()).isEqualTo("{\"charged\":true}");
      assertThat(done.completedAt()).isNotNull();

      List<RecordedRequest> got = f.receiver.requests();
      assertThat(got).extracting(RecordedRequest::path).containsExactly("/reserve", "/charge");
      assertThat(got.get(0).bodyText()).isEqualTo("{\"total\":42}");
      assertThat(got.get(1).bodyText()).isEqualTo("{\"amount\":42,\"ref\":\"r-1\"}");
      assertThat(got.get(0).header("x-qhook-handler")).isEqualTo("order/reserve");
      assertThat(got.get(0).header("content-type")).isEqualTo("application/json");
      assertThat(got.get(0).header("x-qhook-delivery-id"))
          .isEqualTo(deliveryId(result.eventId() + ":order/reserve"));
      assertThat(got.get(0).header("x-qhook-event-id")).isEqualTo(result.eventId());

      RunDetail detail = f.detail(started.id());
      assertThat(detail.steps()).hasSize(2);
      RunStep reserve = detail.steps().get(0);
      assertThat(reserve.job().kind()).isEqualTo(JobKind.WORKFLOW_STEP);
      assertThat(reserve.job().target()).isEqualTo("order/reserve");
      assertThat(reserve.job().status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(reserve.job().step().stepIndex()).isZero();
      assertThat(reserve.input()).isEqualTo("{\"total\":42}");
      assertThat(reserve.output()).isEqualTo("{\"total\":42,\"reservation\":{\"id\":\"r-1\"}}");
      assertThat(detail.steps().get(1).input()).isEqualTo("{\"amount\":42,\"ref\":\"r-1\"}");
      assertThat(detail.definitionVersion()).isEqualTo(done.definitionHash());
    }
  }

  @Test
  void aNullResultPathKeepsTheInputAndTheOutputTemplateShapesThePayload() {
    String yaml =
        BASE
            + """
            workflows:
              audit:
                source: app
                steps:
                  - name: log
                    url: RECEIVER/log
                    result_path: null
                  - name: shape
                    url: RECEIVER/shape
                    output: '{"user": "{{ $.user }}", "echo": "{{ $.echo }}"}'
                    result_path: $.echo
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver.respondWith(json("{\"ignored\":1}")).respondWith(json("\"plain\""));

      IngestResult result = f.send("app", "user.created", "{\"user\":\"ann\"}");

      WorkflowRun done = f.awaitRun(f.runOf(result.eventId()).id(), RunStatus.COMPLETED);
      assertThat(f.receiver.requests().get(1).bodyText()).isEqualTo("{\"user\":\"ann\"}");
      assertThat(done.output()).isEqualTo("{\"user\":\"ann\",\"echo\":\"plain\"}");
    }
  }

  @Test
  void aTextResponseIsAJsonStringAndAnEmptyOneIsNull() {
    String yaml =
        BASE
            + """
            workflows:
              texts:
                source: app
                steps:
                  - name: text
                    url: RECEIVER/text
                    result_path: $.text
                  - name: empty
                    url: RECEIVER/empty
                    result_path: $.empty
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.receiver
          .respondWith(new Response(200, Map.of(), "hello", Duration.ZERO))
          .respondWith(Response.status(204));

      IngestResult result = f.send("app", "t", "{}");

      WorkflowRun done = f.awaitRun(f.runOf(result.eventId()).id(), RunStatus.COMPLETED);
      assertThat(done.output()).isEqualTo("{\"text\":\"hello\",\"empty\":null}");
    }
  }

  @Test
  void anEventOfAnotherTypeStartsNoRun() {
    String yaml =
        BASE
            + """
            workflows:
              order:
                source: app
                events: [order.*]
                steps:
                  - { name: a, url: RECEIVER/a }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      assertThat(f.send("app", "user.created", "{}").workflowRunsStarted()).isZero();
      assertThat(f.send("app", "order.refund.created", "{}").workflowRunsStarted()).isEqualTo(1);
    }
  }

  @Test
  void runsStepsAndDeliveriesAreCounted() {
    String yaml =
        BASE
            + """
            workflows:
              order:
                source: app
                steps:
                  - { name: a, url: RECEIVER/a }
                  - { name: b, url: RECEIVER/b }
            """;
    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      String run = f.runOf(f.send("app", "o", "{}").eventId()).id();
      f.awaitRun(run, RunStatus.COMPLETED);

      MeterRegistry registry = f.qhook.meterRegistry();
      assertThat(count(registry, "qhook.workflow.runs", "workflow", "order", "status", "started"))
          .isEqualTo(1);
      assertThat(count(registry, "qhook.workflow.runs", "workflow", "order", "status", "completed"))
          .isEqualTo(1);
      assertThat(count(registry, "qhook.workflow.steps.completed", "workflow", "order"))
          .isEqualTo(2);
      assertThat(
              count(
                  registry,
                  "qhook.deliveries.by.handler",
                  "handler",
                  "order/a",
                  "result",
                  "success"))
          .isEqualTo(1);
    }
  }

  private static double count(MeterRegistry registry, String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  static String deliveryId(String input) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}
