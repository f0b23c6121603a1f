package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.QHookTest.StoreKind;
import dev.qhook.testkit.QHookTester;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handler {@code max_concurrency} and {@code rate_limit} (docs/reference/configuration.md,
 * "handlers").
 */
class FlowControlTest {
  @TempDir Path dir;

  @Test
  void maxConcurrencyOneDeliversOneAtATime() {
    String yaml =
        """
        server: { allow_private_urls: true }
        sources:
          app: { type: event }
        handlers:
          serial: { source: app, url: RECEIVER/serial, max_concurrency: 1 }
        """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondByDefault(new Response(200, Map.of(), "", Duration.ofMillis(150)));
      for (int i = 0; i < 6; i++) {
        f.send("app", "x", "{\"n\":" + i + "}");
      }
      f.receiver.awaitRequests(6, EngineFixture.WAIT);
      assertThat(f.receiver.maxConcurrentRequests()).isEqualTo(1);
    }
  }

  @Test
  void withoutALimitDeliveriesOverlap() {
    String yaml =
        """
        server: { allow_private_urls: true }
        sources:
          app: { type: event }
        handlers:
          parallel: { source: app, url: RECEIVER/parallel }
        """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      f.receiver.respondByDefault(new Response(200, Map.of(), "", Duration.ofMillis(500)));
      for (int i = 0; i < 6; i++) {
        f.send("app", "x", "{\"n\":" + i + "}");
      }
      f.receiver.awaitRequests(6, EngineFixture.WAIT);
      assertThat(f.receiver.maxConcurrentRequests()).isGreaterThan(1);
    }
  }

  /**
   * With {@code rate_limit: 2} (burst 2), two deliveries start at once and each further one half a
   * second later on the engine's clock: a {@link ManualClock} moved by half seconds lets exactly
   * one more through each time.
   */
  @Test
  void rateLimitSpacesDeliveryStarts() {
    String yaml =
        """
        sources:
          app: { type: event }
        handlers:
          limited: { source: app, url: RECEIVER_URL/limited, rate_limit: 2 }
        """;
    try (QHookTester t =
        QHookTester.start(yaml, StoreKind.SQLITE, Instant.parse("2026-12-07T10:00:00Z"))) {
      for (int i = 0; i < 6; i++) {
        t.send("app", "x", "{\"n\":" + i + "}");
      }
      assertThat(t.receiver().awaitRequests(2, EngineFixture.WAIT)).hasSize(2);
      for (int started = 3; started <= 6; started++) {
        t.advance(Duration.ofMillis(500));
        assertThat(t.receiver().awaitRequests(started, EngineFixture.WAIT)).hasSize(started);
      }
      assertThat(t.receiver().requests())
          .extracting(r -> r.header("x-qhook-attempt"))
          .as("waiting for a permit used no attempt")
          .containsOnly("1");
    }
  }
}
