package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers no double holds, through the engine (docs/reference/configuration.md, "Filters"): filters
 * compare them exactly, transforms render them, key paths read them, and ingest never fails on
 * them.
 */
class ExtremeNumbersTest {
  @TempDir Path dir;

  private static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        app: { type: event }
      handlers:
        big:
          source: app
          url: RECEIVER/big
          filter: $.amount > 100
          transform: '{"amount": {{ $.amount }}}'
          idempotency_key: $.amount
        small:
          source: app
          url: RECEIVER/small
          filter: $.amount <= 100
        exact:
          source: app
          url: RECEIVER/exact
          filter: $.amount == 1e999 or $.amount in [1e-999, 123456789012345678901234567890]
        tiny:
          source: app
          url: RECEIVER/tiny
          filter: $.amount > 0 and $.amount < 1e-998
          ordering_key: $.amount
      """;

  @Test
  void aHugeExponentIsComparedExactlyAndRenderedByTheTransform() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult result = f.send("app", "order.created", "{\"amount\": 1e999}");

      assertThat(targets(f, result)).containsExactlyInAnyOrder("big", "exact");
      assertThat(f.receiver.awaitRequests(2, EngineFixture.WAIT)).hasSize(2);
      assertThat(f.receiver.requestsTo("/big"))
          .singleElement()
          .extracting(RecordedRequest::bodyText)
          .isEqualTo("{\"amount\": 1E+999}");
      assertThat(f.qhook.admin().event(result.eventId()).map(Event::uniqueKey)).contains("1E+999");
    }
  }

  @Test
  void aTinyExponentIsNotZero() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult result = f.send("app", "order.created", "{\"amount\": 1e-999}");

      assertThat(targets(f, result)).containsExactlyInAnyOrder("small", "exact", "tiny");
      assertThat(f.jobsOf(result.eventId()))
          .filteredOn(job -> job.target().equals("tiny"))
          .singleElement()
          .extracting(Job::orderingKey)
          .isEqualTo("1E-999");
    }
  }

  @Test
  void integersBeyondALongCompareExactly() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult exact =
          f.send("app", "order.created", "{\"amount\": 123456789012345678901234567890}");
      IngestResult nextOne =
          f.send("app", "order.created", "{\"amount\": 123456789012345678901234567891}");

      assertThat(targets(f, exact)).containsExactlyInAnyOrder("big", "exact");
      assertThat(targets(f, nextOne)).containsExactly("big");
    }
  }

  @Test
  void anExponentBeyondWhatJavaHoldsStillRoutes() {
    try (EngineFixture f = EngineFixture.start(dir, YAML)) {
      IngestResult positive = f.send("app", "order.created", "{\"amount\": 1e9999999999}");
      IngestResult negative = f.send("app", "order.created", "{\"amount\": -1e9999999999}");

      assertThat(targets(f, positive)).containsExactly("big");
      assertThat(targets(f, negative)).containsExactly("small");
    }
  }

  private static java.util.List<String> targets(EngineFixture f, IngestResult result) {
    return f.jobsOf(result.eventId()).stream().map(Job::target).toList();
  }
}
