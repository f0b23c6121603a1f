package dev.qhook.server;

import static dev.qhook.server.SignedWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.spi.Event;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.verify.SnsUrls;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /sns/{source}} (docs/reference/http-api.md, "POST /sns/{source}") with certificates
 * served by the injected fetcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnsRouteTest {
  private static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        topic: { type: sns }
        emulator: { type: sns, skip_verify: true }
        hooks: { type: webhook }
      """;

  private final RecordingAlerts alerts = new RecordingAlerts();
  private RecordingReceiver standIn;
  private SnsTestSigner signer;
  private RunningServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    standIn = RecordingReceiver.start();
    signer = SnsTestSigner.generate(dir);
    Map<String, X509Certificate> certificates = new HashMap<>(SnsFixtures.fixtureCertificates());
    certificates.put(SnsTestSigner.CERT_URL, signer.certificate());
    String standInPrefix = standIn.url("/");
    server =
        RunningServer.start(
            QHookConfig.fromYaml(YAML),
            engine ->
                engine
                    .alertSink(alerts)
                    .certificateFetcher(SnsFixtures.fetcher(certificates))
                    .subscribeUrlRuleForTesting(
                        url -> url.startsWith(standInPrefix) || SnsUrls.isSnsUrl(url)),
            UnaryOperator.identity());
  }

  @AfterAll
  void stop() {
    server.close();
    standIn.close();
  }

  private HttpResponse<String> sns(String source, byte[] body) {
    return server.post("/sns/" + source, body, Map.of("Content-Type", "text/plain; charset=UTF-8"));
  }

  private Event stored(String source, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = RunningServer.json(response).get("event_id").asText();
    return server.events(source).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void subscriptionIsConfirmedByAGetOfTheSubscribeUrl() {
    String subscribeUrl = standIn.url("/confirm?Action=ConfirmSubscription&Token=token-1");
    int storedBefore = server.allEvents().size();

    HttpResponse<String> response = sns("topic", signer.subscriptionConfirmation(subscribeUrl));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Subscription confirmed");
    assertThat(standIn.requestsTo("/confirm?Action=ConfirmSubscription&Token=token-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.method()).isEqualTo("GET"));
    assertThat(server.allEvents()).hasSize(storedBefore);
  }

  @Test
  void failedConfirmationIsABadGateway() {
    standIn.respondWith(500);

    HttpResponse<String> response =
        sns("topic", signer.subscriptionConfirmation(standIn.url("/refused")));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("subscription_failed");
  }

  @Test
  void subscribeUrlOutsideTheHostRuleIsNotCalled() {
    HttpResponse<String> response =
        sns("topic", signer.subscriptionConfirmation("https://evil.example.com/confirm"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("invalid_sns_message");
  }

  @Test
  void skipVerifyConfirmsThroughTheSsrfGuardWithoutASignature() {
    String body =
        """
        {"Type": "SubscriptionConfirmation", "MessageId": "m-1", "Token": "t",
         "TopicArn": "arn:aws:sns:local:000000000000:orders", "Message": "confirm",
         "SubscribeURL": "%s", "Timestamp": "2026-03-01T12:00:00Z",
         "SignatureVersion": "1", "Signature": "unsigned", "SigningCertURL": "http://localhost/x"}
        """
            .formatted(standIn.url("/emulator-confirm"));

    HttpResponse<String> response = sns("emulator", bytes(body));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(standIn.requestsTo("/emulator-confirm")).hasSize(1);
  }

  @Test
  void publishedAwsNotificationIsVerifiedAndItsMessageStored() {
    Clock atSigning = Clock.fixed(Instant.parse("2015-09-20T01:30:00Z"), ZoneOffset.UTC);
    try (RunningServer aws =
        RunningServer.start(
            QHookConfig.fromYaml(YAML),
            engine ->
                engine
                    .clock(atSigning)
                    .certificateFetcher(SnsFixtures.fetcher(SnsFixtures.fixtureCertificates())),
            UnaryOperator.identity())) {
      byte[] message = SnsFixtures.resource("aws-sdk-java-v2-sample-message.json");

      HttpResponse<String> first =
          aws.post("/sns/topic", message, Map.of("Content-Type", "text/plain"));
      HttpResponse<String> again =
          aws.post("/sns/topic", message, Map.of("Content-Type", "text/plain"));

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      Event event = aws.events("topic").get(0);
      assertThat(text(event.payload())).isEqualTo("boo");
      assertThat(event.eventType()).isEqualTo("this is raw");
      assertThat(event.uniqueKey()).isEqualTo("d39649d4-bf5b-5b80-af75-07acb3dd9b4a");
      JsonNode duplicate = RunningServer.json(again);
      assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
      assertThat(duplicate.get("event_id").asText()).isEqualTo(event.id());
      assertThat(aws.events("topic")).hasSize(1);
    }
  }

  @Test
  void publishedAwsNotificationIsRefusedOnceItsCertificateExpired() {
    byte[] message = SnsFixtures.resource("aws-sdk-java-v2-sample-message.json");
    double before = server.verificationFailures("topic");

    HttpResponse<String> response = sns("topic", message);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(server.verificationFailures("topic")).isEqualTo(before + 1);
  }

  @Test
  void signatureVersion2NotificationTakesTheTypeOfItsJsonMessage() {
    Event event = stored("topic", sns("topic", SnsFixtures.resource("notification-v2.json")));

    assertThat(event.eventType()).isEqualTo("order.paid");
    assertThat(text(event.payload())).isEqualTo("{\"type\":\"order.paid\",\"id\":42}");
    assertThat(event.contentType()).isEqualTo("application/json");
  }

  @Test
  void tamperedNotificationIsRefusedCountedAlertedAndNotStored() {
    String tampered =
        text(SnsFixtures.resource("notification-v2.json"))
            .replace("\\\"id\\\":42", "\\\"id\\\":43");
    int storedBefore = server.events("topic").size();
    double failuresBefore = server.verificationFailures("topic");

    HttpResponse<String> response = sns("topic", bytes(tampered));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("signature_invalid");
    assertThat(server.events("topic")).hasSize(storedBefore);
    assertThat(server.verificationFailures("topic")).isEqualTo(failuresBefore + 1);
    assertThat(alerts.alerts())
        .anySatisfy(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.VERIFICATION_FAILURE);
              assertThat(a.subject()).isEqualTo("topic");
            });
  }

  @Test
  void unsubscribeConfirmationIsAcknowledged() {
    HttpResponse<String> response =
        sns("topic", SnsFixtures.resource("unsubscribe-confirmation-v2.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Unsubscribe acknowledged");
  }

  @Test
  void eventTypeFallsFromTypeToDetailTypeToSubjectToDefault() {
    assertThat(
            stored("topic", sns("topic", signer.notification("n-1", "{\"type\":\"a.b\"}", "S")))
                .eventType())
        .isEqualTo("a.b");
    assertThat(
            stored(
                    "topic",
                    sns(
                        "topic",
                        signer.notification("n-2", "{\"detail-type\":\"EC2 State Change\"}", "S")))
                .eventType())
        .isEqualTo("EC2 State Change");
    assertThat(
            stored("topic", sns("topic", signer.notification("n-3", "[1,2]", "Subj"))).eventType())
        .isEqualTo("Subj");
    assertThat(
            stored("topic", sns("topic", signer.notification("n-4", "plain text", null)))
                .eventType())
        .isEqualTo("sns.notification");
  }

  @Test
  void bodiesThatAreNotSnsMessagesAreBadRequestsAndStoreNothing() {
    int before = server.allEvents().size();
    byte[] notUtf8 = {'{', '"', 'T', '"', ':', '"', (byte) 0xFF, '"', '}'};

    for (byte[] body :
        new byte[][] {
          bytes("not json"),
          bytes(""),
          bytes("[]"),
          bytes("{\"Type\": \"Notification\"}"),
          bytes("{\"Type\": 1, \"MessageId\": \"x\"}"),
          notUtf8
        }) {
      for (String source : new String[] {"topic", "emulator"}) {
        HttpResponse<String> response = sns(source, body);
        assertThat(response.statusCode()).as(text(body)).isEqualTo(400);
        assertThat(RunningServer.json(response).get("code").asText())
            .isEqualTo("invalid_sns_message");
      }
    }
    assertThat(server.allEvents()).hasSize(before);
  }

  @Test
  void unknownTypeIsABadRequest() {
    String body =
        """
        {"Type": "Surprise", "MessageId": "m", "Message": "x", "Timestamp": "t",
         "TopicArn": "arn", "SignatureVersion": "1", "Signature": "s", "SigningCertURL": "u"}
        """;

    assertThat(sns("emulator", bytes(body)).statusCode()).isEqualTo(400);
    assertThat(sns("topic", bytes(body)).statusCode()).isEqualTo(400);
  }

  @Test
  void onlySnsSourcesAnswerOnThisRoute() {
    assertThat(sns("hooks", SnsFixtures.resource("notification-v2.json")).statusCode())
        .isEqualTo(404);
    assertThat(sns("nope", SnsFixtures.resource("notification-v2.json")).statusCode())
        .isEqualTo(404);
  }
}
