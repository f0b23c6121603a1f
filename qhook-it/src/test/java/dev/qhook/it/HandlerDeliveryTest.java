package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push delivery (docs/reference/http-api.md, "Deliveries to handlers") through the whole engine, on
 * an SQLite file, to a loopback receiver. Retries and dead jobs: {@link RetryByClockTest}.
 */
class HandlerDeliveryTest {
  @TempDir Path dir;

  private static final String BASE =
      """
      server: { allow_private_urls: true }
      delivery:
        default_retry: { max: 3, backoff: fixed, interval: 200ms, jitter: false }
      sources:
        app: { type: event }
      """;

  @Test
  void deliversThePayloadWithTheQhookHeaders() throws Exception {
    String yaml =
        BASE
            + """
            handlers:
              orders:
                source: app
                events: [order.created]
                url: RECEIVER/orders
                headers: { X-Tenant: acme }
            """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      IngestResult result = f.send("app", "order.created", "{\"id\":42}");
      assertThat(result.duplicate()).isFalse();
      assertThat(result.jobsCreated()).isEqualTo(1);

      RecordedRequest got = f.receiver.awaitRequests(1, EngineFixture.WAIT).get(0);
      Job job = f.awaitJob(result.eventId(), JobStatus.COMPLETED);
      assertThat(got.method()).isEqualTo("POST");
      assertThat(got.path()).isEqualTo("/orders");
      assertThat(got.bodyText()).isEqualTo("{\"id\":42}");
      assertThat(got.header("content-type")).isEqualTo("application/json");
      assertThat(got.header("user-agent")).isEqualTo("qhook/0.1.0");
      assertThat(got.header("x-qhook-event-id")).isEqualTo(result.eventId());
      assertThat(got.header("x-qhook-job-id")).isEqualTo(job.id());
      assertThat(got.header("x-qhook-event-type")).isEqualTo("order.created");
      assertThat(got.header("x-qhook-handler")).isEqualTo("orders");
      assertThat(got.header("x-qhook-attempt")).isEqualTo("1");
      assertThat(got.header("x-qhook-delivery-id"))
          .isEqualTo(deliveryId(result.eventId() + ":orders"));
      assertThat(got.header("x-tenant")).isEqualTo("acme");
      List<AttemptRecord> attempts = f.qhook.admin().attempts(job.id());
      assertThat(attempts)
          .singleElement()
          .satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
    }
  }

  private static String deliveryId(String input) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  @Test
  void fansOutToEveryMatchingHandler() {
    String yaml =
        BASE
            + """
            handlers:
              a: { source: app, events: ["order.*"], url: RECEIVER/a }
              b: { source: app, events: ["*"], url: RECEIVER/b }
              c: { source: app, events: [invoice.paid], url: RECEIVER/c }
            """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      IngestResult result = f.send("app", "order.refund.created", "{}");
      assertThat(result.jobsCreated()).isEqualTo(2);
      f.receiver.awaitRequests(2, EngineFixture.WAIT);
      Awaitility.await()
          .atMost(EngineFixture.WAIT)
          .until(
              () ->
                  f.jobsOf(result.eventId()).stream()
                      .allMatch(j -> j.status() == JobStatus.COMPLETED));
      assertThat(f.receiver.requests())
          .extracting(RecordedRequest::path)
          .containsExactlyInAnyOrder("/a", "/b");
    }
  }

  @Test
  void clientErrorsNotListedInErrorsGoDeadAtOnce() {
    String yaml =
        BASE
            + """
            handlers:
              h: { source: app, url: RECEIVER/h, retry: { errors: [5xx, timeout] } }
            """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondWith(404);
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.lastError()).isEqualTo("HTTP 404");
    }
  }

  @Test
  void redirectsAreNotFollowed() {
    String yaml = BASE + "handlers:\n  h: { source: app, url: RECEIVER/h, retry: { max: 1 } }\n";
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondWith(
          new Response(302, Map.of("Location", f.receiver.url("/elsewhere")), "", Duration.ZERO));
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.lastError()).isEqualTo("HTTP 302 (redirect not followed)");
      assertThat(f.receiver.requestsTo("/elsewhere")).isEmpty();
    }
  }

  @Test
  void aSlowHandlerTimesOut() {
    String yaml =
        BASE
            + "handlers:\n  h: { source: app, url: RECEIVER/h, timeout: 300ms, retry: { max: 1 } }\n";
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondWith(new Response(200, Map.of(), "", Duration.ofSeconds(3)));
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.lastError()).startsWith("timed out");
    }
  }
}
