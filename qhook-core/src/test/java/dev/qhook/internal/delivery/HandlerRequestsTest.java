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
import java.net.URLDecoder;
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
    return claimed("order.created", body, eventHeaders);
  }

  private static ClaimedJob claimed(
      String eventType, String body, Map<String, String> eventHeaders) {
    Event event =
        new Event(
            "01EVENT",
            "app",
            eventType,
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

  /**
   * Regression (issue 10, item 1): a non-Latin event type or {@code ce-*} value made a request the
   * HTTP client refuses ("invalid header value"), so the job could never be delivered.
   */
  @Test
  void valuesOutsidePrintableAsciiTravelPercentEncodedAndAreNamed() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler("POST", Map.of()),
                claimed(
                    "заказ.создан",
                    "{}",
                    Map.of("ce-subject", "Invoice – €5", "ce-id", "plain ascii", "ce-x", "a\tb")),
                NOW);
    assertThat(request.headers())
        .containsEntry(
            "X-Qhook-Event-Type",
            "%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7.%D1%81%D0%BE%D0%B7%D0%B4%D0%B0%D0%BD")
        .containsEntry("ce-subject", "Invoice%20%E2%80%93%20%E2%82%AC5")
        .containsEntry("ce-x", "a%09b")
        .containsEntry("ce-id", "plain ascii");
    assertThat(request.headers().get("X-Qhook-Encoded-Headers").split(", "))
        .containsExactlyInAnyOrder("X-Qhook-Event-Type", "ce-subject", "ce-x");
    assertThat(
            URLDecoder.decode(request.headers().get("X-Qhook-Event-Type"), StandardCharsets.UTF_8))
        .isEqualTo("заказ.создан");
    assertThat(request.headers().values())
        .allSatisfy(value -> assertThat(value).matches("[\\x20-\\x7e]*"));
  }

  @Test
  void printableAsciiValuesAreSentAsTheyAreWithoutTheCompanionHeader() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler("POST", Map.of()),
                claimed("100%.done", "{}", Map.of("ce-subject", "a%20b")),
                NOW);
    assertThat(request.headers())
        .containsEntry("X-Qhook-Event-Type", "100%.done")
        .containsEntry("ce-subject", "a%20b")
        .doesNotContainKey("X-Qhook-Encoded-Headers");
  }

  @Test
  void leadingOrTrailingSpacesAreEncodedSoThatTheyArriveIntact() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(handler("POST", Map.of()), claimed(" padded ", "{}", Map.of()), NOW);
    assertThat(request.headers())
        .containsEntry("X-Qhook-Event-Type", "%20padded%20")
        .containsEntry("X-Qhook-Encoded-Headers", "X-Qhook-Event-Type");
  }

  @Test
  void aConfiguredHeaderReplacingAnEncodedOneIsNotListedAndCannotSetTheList() {
    TransportRequest request =
        new HandlerRequests("0.1.0", null)
            .build(
                handler(
                    "POST",
                    Map.of("CE-Subject", "fixed", "X-Qhook-Encoded-Headers", "X-Qhook-Job-ID")),
                claimed("заказ", "{}", Map.of("ce-subject", "€")),
                NOW);
    assertThat(request.headers())
        .containsEntry("CE-Subject", "fixed")
        .containsEntry("X-Qhook-Encoded-Headers", "X-Qhook-Event-Type");
  }
}
