package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
   * With {@code rate_limit: 2} (burst 2), the 3rd start waits ~0.5 s and the 6th ~2 s after the
   * first. Only a lower bound is asserted: a slow machine spreads deliveries further, never closer.
   */
  @Test
  void rateLimitSpacesDeliveryStarts() {
    String yaml =
        """
        server: { allow_private_urls: true }
        sources:
          app: { type: event }
        handlers:
          limited: { source: app, url: RECEIVER/limited, rate_limit: 2 }
        """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      for (int i = 0; i < 6; i++) {
        f.send("app", "x", "{\"n\":" + i + "}");
      }
      List<RecordedRequest> got = f.receiver.awaitRequests(6, EngineFixture.WAIT);
      Instant first = got.get(0).receivedAt();
      Instant sixth = got.get(5).receivedAt();
      assertThat(Duration.between(first, sixth)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }
  }
}
