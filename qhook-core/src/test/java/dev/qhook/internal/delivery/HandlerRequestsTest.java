package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.HandlerConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.TransportRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerRequestsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private static CompiledHandler handler(String method, Map<String, String> headers) {
    return CompiledHandler.compile(
        new HandlerConfig(
            "billing",
            "app",
            List.of(),
            "https://example.com/hook",
            method,
            headers,
            null,
            null,
            null,
            RetryPolicy.DEFAULT,
            Duration.ofSeconds(7),
            null,
            null,
            null));
  }

  private static ClaimedJob claimed(String body, Map<String, String> eventHeaders) {
    Event event =
        new Event(
            "01EVENT",
            "app",
            "order.created",
            body.getBytes(StandardCharsets.UTF_8),
            eventHeaders,
            null,
            NOW);
    Job job =
        new Job(
            "01JOB",
            "01EVENT",
            JobKind.HANDLER,
            "billing",
            null,
            JobStatus.RUNNING,
            2,
            5,
            NOW,
            NOW,
            null,
            NOW,
            null,
            NOW,
            null);
    return new ClaimedJob(job, event);
  }

  @Test
  void setsTheQhookHeadersInTheSpecifiedOrder() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler("POST", Map.of()),
                claimed("{\"a\":1}", Map.of("ce-id", "c1", "content-type", "application/json")),
                NOW);
    assertThat(new ArrayList<>(request.headers().keySet()))
        .containsExactlyInAnyOrder(
            "Content-Type",
            "User-Agent",
            "X-Qhook-Job-ID",
            "X-Qhook-Event-ID",
            "X-Qhook-Event-Type",
            "X-Qhook-Handler",
            "X-Qhook-Attempt",
            "X-Qhook-Delivery-ID",
            "ce-id");
    assertThat(request.headers())
        .containsEntry("X-Qhook-Attempt", "2")
        .containsEntry("X-Qhook-Handler", "billing")
        .containsEntry("X-Qhook-Delivery-ID", Hmac.deliveryId("01EVENT:billing"))
        .containsEntry("User-Agent", "qhook/0.1.0");
    assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void nonJsonBodiesKeepTheirStoredContentType() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler("POST", Map.of()),
                claimed("a=1", Map.of("content-type", "text/plain")),
                NOW);
    assertThat(request.headers()).containsEntry("Content-Type", "text/plain");
    TransportRequest bare =
        new HandlerRequests("0.1.0", null)
            .build(handler("POST", Map.of()), claimed("a=1", Map.of()), NOW);
    assertThat(bare.headers()).containsEntry("Content-Type", "application/octet-stream");
  }

  @Test
  void getSendsNoBody() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(handler("GET", Map.of()), claimed("{}", Map.of()), NOW);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void configuredHeadersComeLastButCannotReplaceProtectedOnes() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler(
                    "POST",
                    Map.of(
                        "x-qhook-handler",
                        "override",
                        "Host",
                        "evil",
                        "Authorization",
                        "Bearer t")),
                claimed("{}", Map.of()),
                NOW);
    assertThat(request.headers())
        .containsEntry("x-qhook-handler", "override")
        .doesNotContainKey("X-Qhook-Handler")
        .doesNotContainKey("Host")
        .containsEntry("Authorization", "Bearer t");
  }

  @Test
  void aSigningSecretAddsTheStandardWebhooksTrio() {
    byte[] key = Hmac.standardWebhooksKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    TransportRequest request =
        new HandlerRequests("0.1.0", key)
            .build(handler("POST", Map.of()), claimed("{}", Map.of()), NOW);
    assertThat(request.headers())
        .containsEntry("webhook-id", "01JOB")
        .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
        .containsEntry(
            "webhook-signature",
            Hmac.standardWebhooksSignature(
                key, "01JOB", NOW.getEpochSecond(), "{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void recognisesJsonBodiesWithoutParsingThemIntoTrees() {
    assertThat(
            HandlerRequests.isJson("{\"a\":[1,2,{\"b\":null}]}".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(HandlerRequests.isJson(" 42 ".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(HandlerRequests.isJson("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(HandlerRequests.isJson("{\"a\":".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(HandlerRequests.isJson("a=1&b=2".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(HandlerRequests.isJson(new byte[0])).isFalse();
  }
}
