package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.IngestResult;
import dev.qhook.UnknownSourceException;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest (docs/reference/http-api.md, "Ingest"): storage, idempotency, routing with filters,
 * transforms.
 */
class IngestTest {
  @TempDir Path dir;

  private static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        app: { type: event }
        quiet: { type: event }
      handlers:
        orders:
          source: app
          events: ["order.*"]
          url: RECEIVER/orders
          idempotency_key: $.order_id
        big:
          source: app
          events: [order.created]
          url: RECEIVER/big
          filter: $.amount > 100 and ($.currency == "EUR" or $.items[0].sku == "gift")
          transform: '{"order": "{{ $.order_id }}", "amount": {{ $.amount }}}'
      """;

  @Test
  void anIdempotencyKeyHeaderMakesTheSecondEventADuplicate() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      Map<String, String> key = Map.of("Idempotency-Key", "k-1");
      IngestResult first = f.send("app", "order.paid", "{\"order_id\":\"a\"}", key);
      IngestResult second = f.send("app", "order.paid", "{\"order_id\":\"b\"}", key);
      assertThat(second.duplicate()).isTrue();
      assertThat(second.eventId()).isEqualTo(first.eventId());
      assertThat(second.jobsCreated()).isZero();
      f.awaitJob(first.eventId(), JobStatus.COMPLETED);
      assertThat(f.receiver.requests()).hasSize(1);
    }
  }

  @Test
  void theHandlersKeyPathDeduplicatesToo() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult first = f.send("app", "order.paid", "{\"order_id\": 7}");
      IngestResult second = f.send("app", "order.shipped", "{\"order_id\": 7}");
      IngestResult other = f.send("app", "order.paid", "{\"order_id\": 8}");
      assertThat(second.duplicate()).isTrue();
      assertThat(second.eventId()).isEqualTo(first.eventId());
      assertThat(other.duplicate()).isFalse();
      assertThat(f.qhook.admin().event(first.eventId()).map(Event::uniqueKey)).contains("7");
    }
  }

  @Test
  void eventsThatMatchNothingAreStillStored() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult result = f.send("quiet", "anything", "not json at all");
      assertThat(result.jobsCreated()).isZero();
      Event stored = f.qhook.admin().event(result.eventId()).orElseThrow();
      assertThat(new String(stored.payload())).isEqualTo("not json at all");
      assertThat(stored.eventType()).isEqualTo("anything");
      assertThat(f.jobsOf(result.eventId())).isEmpty();
    }
  }

  @Test
  void unknownSourcesAreRefused() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      assertThatThrownBy(() -> f.send("nope", "x", "{}"))
          .isInstanceOf(UnknownSourceException.class)
          .hasMessageContaining("nope");
    }
  }

  @Test
  void theFilterDecidesAndTheTransformRewritesTheBody() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult small =
          f.send("app", "order.created", "{\"order_id\":\"s\",\"amount\":5,\"currency\":\"EUR\"}");
      IngestResult usd =
          f.send(
              "app", "order.created", "{\"order_id\":\"u\",\"amount\":500,\"currency\":\"USD\"}");
      IngestResult gift =
          f.send(
              "app",
              "order.created",
              "{\"order_id\":\"g\",\"amount\":150,\"currency\":\"USD\",\"items\":[{\"sku\":\"gift\"}]}");
      assertThat(small.jobsCreated()).isEqualTo(1);
      assertThat(usd.jobsCreated()).isEqualTo(1);
      assertThat(gift.jobsCreated()).isEqualTo(2);

      f.receiver.awaitRequests(4, EngineFixture.WAIT);
      assertThat(f.receiver.requestsTo("/big"))
          .singleElement()
          .extracting(RecordedRequest::bodyText)
          .isEqualTo("{\"order\": \"g\", \"amount\": 150}");
      assertThat(f.qhook.admin().event(gift.eventId()).orElseThrow().payload())
          .as("the stored event is unchanged")
          .asString()
          .contains("\"items\"");
    }
  }
}
