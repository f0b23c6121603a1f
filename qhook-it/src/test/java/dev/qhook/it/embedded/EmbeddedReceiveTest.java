package dev.qhook.it.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import dev.qhook.verify.CertificateFetcher;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine embedded behind an HTTP stack of the application's own ({@link EmbeddedGateway}), with
 * qhook-server absent from the class path (this test runs in its own Surefire execution that
 * excludes it): signed GitHub, Stripe, Twilio and AWS SNS requests are verified, stored in a real
 * SQLite file and delivered to a loopback receiver; tampered ones are rejected with {@code
 * signature_invalid} and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedReceiveTest {
  /** When the AWS SDK's published sample SNS message was signed; its certificate was valid then. */
  private static final Instant NOW = Instant.parse("2015-09-20T01:30:00Z");

  private static final String SNS_CERT_URL =
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem";

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newHttpClient();
  private RecordingReceiver receiver;
  private QHook qhook;
  private EmbeddedGateway gateway;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    receiver = RecordingReceiver.start();
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              github: { type: webhook, verify: github, secret: gh-secret }
              stripe: { type: webhook, verify: stripe, secret: whsec_stripe }
              twilio: { type: webhook, verify: twilio, secret: tw-token }
              topic: { type: sns }
            handlers:
              gh: { source: github, url: "%s" }
              st: { source: stripe, url: "%s" }
              tw: { source: twilio, url: "%s" }
              sn: { source: topic, url: "%s" }
            """
                .formatted(
                    receiver.url("/gh"),
                    receiver.url("/st"),
                    receiver.url("/tw"),
                    receiver.url("/sn")));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    X509Certificate awsCertificate = certificate();
    CertificateFetcher fixedCertificate =
        url -> {
          if (!url.toString().equals(SNS_CERT_URL)) {
            throw new IOException("no certificate at " + url);
          }
          return awsCertificate;
        };
    qhook =
        QHook.builder()
            .config(config)
            .store(JdbcStore.sqlite(dir.resolve("qhook.db"), 2, clock))
            .clock(clock)
            .certificateFetcher(fixedCertificate)
            .build();
    qhook.start();
    gateway = EmbeddedGateway.start(qhook);
  }

  @AfterAll
  void stop() {
    gateway.close();
    qhook.close();
    receiver.close();
  }

  @Test
  void qhookServerIsNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("dev.qhook.server.QHookServer"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void github() throws Exception {
    byte[] body = "{\"action\":\"opened\",\"number\":7}".getBytes(StandardCharsets.UTF_8);
    SignedRequest signed =
        WebhookSigners.github("gh-secret", body).withHeader("X-GitHub-Event", "pull_request");

    assertStoredAndDelivered("github", "/gh", signed, gateway.url("/webhooks/github"));
    assertThat(storedType("github")).isEqualTo("pull_request.opened");
    assertRejectedAndCounted(
        "github", signed.withBody("{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void stripe() throws Exception {
    byte[] body = "{\"type\":\"invoice.paid\",\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = WebhookSigners.stripe("whsec_stripe", body, NOW);

    assertStoredAndDelivered("stripe", "/st", signed, gateway.url("/webhooks/stripe"));
    assertThat(storedType("stripe")).isEqualTo("invoice.paid");
    assertRejectedAndCounted("stripe", WebhookSigners.stripe("whsec_other", body, NOW));
  }

  @Test
  void twilio() throws Exception {
    byte[] body = "{\"CallSid\":\"CA123\"}".getBytes(StandardCharsets.UTF_8);
    SignedRequest signed =
        WebhookSigners.twilioJson("tw-token", gateway.url("/webhooks/twilio"), body);

    assertStoredAndDelivered("twilio", "/tw", signed, signed.url());
    assertRejectedAndCounted(
        "twilio", signed.withBody("{\"CallSid\":\"CA999\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void awsSnsPublishedSampleMessage() throws Exception {
    byte[] message;
    try (InputStream in = resource("aws-sdk-java-v2-sample-message.json")) {
      message = in.readAllBytes();
    }
    SignedRequest signed = new SignedRequest(message, Map.of("Content-Type", "text/plain"), null);

    HttpResponse<String> answer = post(gateway.url("/sns/topic"), signed);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    RecordedRequest delivered = delivered("/sn");
    assertThat(delivered.bodyText()).isEqualTo(storedPayload("topic"));

    String tampered =
        new String(message, StandardCharsets.UTF_8)
            .replace("\"Message\": \"boo\"", "\"Message\": \"boo!\"");
    assertThat(tampered).isNotEqualTo(new String(message, StandardCharsets.UTF_8));
    double before = failures("topic");
    HttpResponse<String> refused =
        post(gateway.url("/sns/topic"), signed.withBody(tampered.getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("signature_invalid");
    assertThat(failures("topic")).isEqualTo(before + 1);
  }

  private void assertStoredAndDelivered(
      String source, String handlerPath, SignedRequest signed, String url) throws Exception {
    HttpResponse<String> answer = post(url, signed);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"duplicate\":false");
    RecordedRequest delivered = delivered(handlerPath);
    assertThat(delivered.body()).isEqualTo(signed.body());
    assertThat(storedPayload(source)).isEqualTo(new String(signed.body(), StandardCharsets.UTF_8));
  }

  private void assertRejectedAndCounted(String source, SignedRequest tampered) throws Exception {
    int storedBefore = events(source).size();
    double before = failures(source);

    HttpResponse<String> answer = post(gateway.url("/webhooks/" + source), tampered);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("signature_invalid");
    assertThat(failures(source)).isEqualTo(before + 1);
    assertThat(events(source)).hasSize(storedBefore);
  }

  private RecordedRequest delivered(String path) {
    Awaitility.await().atMost(WAIT).until(() -> !receiver.requestsTo(path).isEmpty());
    return receiver.requestsTo(path).get(0);
  }

  private HttpResponse<String> post(String url, SignedRequest signed) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
    signed.headers().forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private double failures(String source) {
    Counter counter =
        qhook.meterRegistry().find("qhook.verification.failures").tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  private List<Event> events(String source) {
    return qhook.admin().events(EventQuery.all()).items().stream()
        .filter(e -> e.source().equals(source))
        .toList();
  }

  private String storedPayload(String source) {
    return new String(events(source).get(0).payload(), StandardCharsets.UTF_8);
  }

  private String storedType(String source) {
    return events(source).get(0).eventType();
  }

  private static X509Certificate certificate() throws Exception {
    try (InputStream in = resource("aws-sdk-java-v2-unit-test-cert.pem")) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = EmbeddedReceiveTest.class.getResourceAsStream("/sns/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource sns/" + name);
    }
    return in;
  }
}
