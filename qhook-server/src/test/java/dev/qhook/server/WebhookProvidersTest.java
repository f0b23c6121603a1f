package dev.qhook.server;

import static dev.qhook.server.SignedWebhooks.NOW;
import static dev.qhook.server.SignedWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.AlertKind;
import dev.qhook.server.SignedWebhooks.Case;
import dev.qhook.spi.Event;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every scheme: a signed request is stored with its event type, a tampered one is not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookProvidersTest {
  private final RecordingAlerts alerts = new RecordingAlerts();
  private RunningServer server;

  @BeforeAll
  void start() {
    server =
        RunningServer.start(
            SignedWebhooks.config(),
            engine -> engine.alertSink(alerts).clock(SignedWebhooks.CLOCK),
            UnaryOperator.identity());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Stream<Case> cases() {
    return SignedWebhooks.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signedRequestIsStoredWithTheSchemesEventType(Case c) {
    HttpResponse<String> response = server.post(c.path(), c.signed().body(), c.headers());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String eventId = RunningServer.json(response).get("event_id").asText();
    List<Event> stored = server.events(c.source());
    assertThat(stored).extracting(Event::id).contains(eventId);
    Event event = stored.stream().filter(e -> e.id().equals(eventId)).findFirst().orElseThrow();
    assertThat(event.eventType()).isEqualTo(c.eventType());
    assertThat(event.payload()).isEqualTo(c.signed().body());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tamperedBodyIsRefusedCountedAlertedAndNotStored(Case c) {
    Case tampered = c.with(c.tampered());
    int storedBefore = server.events(c.source()).size();
    double failuresBefore = server.verificationFailures(c.source());

    HttpResponse<String> response =
        server.post(c.path(), tampered.signed().body(), tampered.headers());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("code").asText()).isEqualTo("signature_invalid");
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(server.events(c.source())).hasSize(storedBefore);
    assertThat(server.verificationFailures(c.source())).isEqualTo(failuresBefore + 1);
    assertThat(alerts.alerts())
        .anySatisfy(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.VERIFICATION_FAILURE);
              assertThat(alert.fields()).containsEntry("source", c.source());
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void requestSignedWithAnotherSecretIsRefused(Case c) {
    Case wrong = c.with(resignedWithWrongSecret(c));
    int storedBefore = server.events(c.source()).size();

    HttpResponse<String> response = server.post(c.path(), wrong.signed().body(), wrong.headers());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(server.events(c.source())).hasSize(storedBefore);
  }

  @Test
  void everySchemeIsCovered() {
    assertThat(SignedWebhooks.all())
        .extracting(Case::source)
        .containsAll(
            Arrays.asList(
                "github",
                "stripe",
                "shopify",
                "hmac",
                "pagerduty",
                "grafana",
                "terraform",
                "gitlab",
                "standard",
                "linear",
                "twilio",
                "paddle"));
  }

  @Test
  void anyOfTheListedSecretsMatches() {
    byte[] body = bytes("{\"zen\":\"rotation\"}");
    SignedRequest old = WebhookSigners.github("gh-old", body).withHeader("X-GitHub-Event", "ping");

    HttpResponse<String> response = server.post("/webhooks/github", body, old.headers());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.events("github")).extracting(Event::eventType).contains("ping");
  }

  @Test
  void timestampOutsideTheToleranceIsRefused() {
    byte[] body = bytes("{\"type\":\"charge.stale\"}");
    SignedRequest stale = WebhookSigners.stripe("whsec_stripe", body, NOW.minusSeconds(301));
    SignedRequest future = WebhookSigners.stripe("whsec_stripe", body, NOW.plusSeconds(301));
    SignedRequest edge = WebhookSigners.stripe("whsec_stripe", body, NOW.minusSeconds(300));

    assertThat(server.post("/webhooks/stripe", body, stale.headers()).statusCode()).isEqualTo(401);
    assertThat(server.post("/webhooks/stripe", body, future.headers()).statusCode()).isEqualTo(401);
    assertThat(server.post("/webhooks/stripe", body, edge.headers()).statusCode()).isEqualTo(200);
  }

  @Test
  void perSourceToleranceAcceptsOldSignatures() {
    byte[] body = bytes("{\"type\":\"charge.old\"}");
    SignedRequest yearOld =
        WebhookSigners.stripe("whsec_stripe", body, NOW.minusSeconds(365L * 24 * 3600));

    assertThat(server.post("/webhooks/stripe-lenient", body, yearOld.headers()).statusCode())
        .isEqualTo(200);
    assertThat(server.post("/webhooks/stripe", body, yearOld.headers()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void verificationFailuresAppearInMetrics() {
    server.post("/webhooks/grafana", bytes("{}"), java.util.Map.of());

    assertThat(server.get("/metrics").body())
        .contains("qhook_verification_failures_total{source=\"grafana\"}");
  }

  private static SignedRequest resignedWithWrongSecret(Case c) {
    byte[] body = c.signed().body();
    return switch (c.source()) {
      case "github" -> WebhookSigners.github("wrong", body).withHeader("X-GitHub-Event", "x");
      case "stripe" -> WebhookSigners.stripe("wrong", body, NOW);
      case "shopify" -> WebhookSigners.shopify("wrong", body);
      case "hmac" -> WebhookSigners.hmac("wrong", body);
      case "pagerduty" -> WebhookSigners.pagerduty("wrong", body);
      case "grafana" -> WebhookSigners.grafana("wrong", body);
      case "terraform" -> WebhookSigners.terraform("wrong", body);
      case "gitlab" -> WebhookSigners.gitlab("wrong", body);
      case "standard" -> WebhookSigners.standardWebhooks("whsec_d3Jvbmc=", "msg_1", body, NOW);
      case "linear" -> WebhookSigners.linear("wrong", body);
      case "twilio" ->
          WebhookSigners.twilioForm(
              "wrong",
              SignedWebhooks.TWILIO_PUBLIC_URL + "?attempt=1",
              java.util.Map.of("From", List.of("+15550001"), "Body", List.of("hello world")));
      case "paddle" -> WebhookSigners.paddle("wrong", body, NOW);
      default -> throw new IllegalArgumentException(c.source());
    };
  }
}
