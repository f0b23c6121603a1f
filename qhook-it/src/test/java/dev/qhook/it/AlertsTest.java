package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.Alert;
import dev.qhook.InboundRequest;
import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.config.AlertsConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.alerts.AlertSender;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Transport;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts sent to a loopback receiver (docs/reference/configuration.md, "alerts"). */
class AlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<Duration> NO_WAITS = List.of(Duration.ZERO, Duration.ZERO);

  private RecordingReceiver receiver;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static JsonNode json(RecordedRequest request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  void engineSendsAVerificationFailureAlertInTheConfiguredFormat() throws Exception {
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              gh: { type: webhook, verify: github, secret: s }
            alerts: { url: "%s", type: discord }
            """
                .formatted(receiver.url("/alerts")));
    try (QHook engine = QHook.builder().config(config).store(new InMemoryStore()).build()) {
      engine.start();

      Received answer = engine.receive(unsigned("gh"));

      assertThat(answer)
          .isInstanceOfSatisfying(
              Received.Rejected.class,
              r -> assertThat(r.reason()).isEqualTo(Rejection.SIGNATURE_INVALID));
      RecordedRequest sent = receiver.awaitRequests(1, WAIT).get(0);
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.header("Content-Type")).isEqualTo("application/json");
      JsonNode embed = json(sent).get("embeds").get(0);
      assertThat(embed.get("title").asText()).isEqualTo("qhook alert: verification_failure");
      assertThat(embed.get("description").asText()).contains("source: gh");
      assertThat(embed.get("color").asInt()).isEqualTo(0xFFA500);
      assertThat(
              engine
                  .meterRegistry()
                  .find("qhook.verification.failures")
                  .tag("source", "gh")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void identicalAlertsAreSentOncePerMinuteAndExcludedKindsNever() throws Exception {
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              gh: { type: webhook, verify: github, secret: s }
            alerts: { url: "%s", on: [verification_failure, custom] }
            """
                .formatted(receiver.url("/alerts")));
    try (QHook engine = QHook.builder().config(config).store(new InMemoryStore()).build()) {
      engine.start();

      engine.receive(unsigned("gh"));
      engine.receive(unsigned("gh"));
      engine.raiseAlert(Alert.dbUnhealthy("down"));
      engine.raiseAlert(Alert.custom("last one"));

      // One sender thread sends in order: once the custom alert arrives, the rest was handled.
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> receiver.requests().stream().anyMatch(r -> r.bodyText().contains("last")));
      List<RecordedRequest> sent = receiver.requests();
      assertThat(sent).hasSize(2);
      JsonNode first = json(sent.get(0));
      assertThat(first.get("alert").asText()).isEqualTo("verification_failure");
      assertThat(first.get("source").asText()).isEqualTo("gh");
      assertThat(first.get("message").asText()).contains("missing signature");
      assertThat(json(sent.get(1)).get("alert").asText()).isEqualTo("custom");
    }
  }

  @Test
  void deadJobRaisesADlqAlert() throws Exception {
    receiver.respondByDefault(RecordingReceiver.Response.status(500));
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true }
            sources:
              app: { type: event }
            handlers:
              crm: { source: app, url: "%s", retry: { max: 1 } }
            alerts: { url: "%s" }
            """
                .formatted(receiver.url("/crm"), receiver.url("/alerts")));
    try (QHook engine = QHook.builder().config(config).store(new InMemoryStore()).build()) {
      engine.start();

      String eventId = engine.ingest(IngestRequest.of("app", "x", "{}")).eventId();

      Awaitility.await().atMost(WAIT).until(() -> !receiver.requestsTo("/alerts").isEmpty());
      JsonNode alert = json(receiver.requestsTo("/alerts").get(0));
      assertThat(alert.get("alert").asText()).isEqualTo("dlq");
      assertThat(alert.get("handler").asText()).isEqualTo("crm");
      assertThat(alert.get("attempts").asInt()).isEqualTo(1);
      assertThat(alert.get("job_id").asText()).hasSize(26);
      assertThat(alert.get("error").asText()).contains("500");
      assertThat(eventId).hasSize(26);
    }
  }

  @Test
  void alertUrlsOnPrivateAddressesNeedAllowPrivateUrls() {
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            sources:
              gh: { type: webhook, verify: github, secret: s }
            alerts: { url: "%s" }
            """
                .formatted(receiver.url("/alerts")));
    try (QHook engine = QHook.builder().config(config).store(new InMemoryStore()).build()) {
      engine.start();

      engine.receive(unsigned("gh"));

      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  engine.meterRegistry().find("qhook.alerts.failed").counter() != null
                      && engine.meterRegistry().find("qhook.alerts.failed").counter().count() == 1);
      assertThat(receiver.requests()).isEmpty();
    }
  }

  /** A webhook without the GitHub signature header. */
  private static InboundRequest unsigned(String source) {
    return InboundRequest.webhook(source)
        .header("X-GitHub-Event", "push")
        .body("{}")
        .clientAddress("127.0.0.1")
        .build();
  }

  private static Transport loopbackTransport() {
    return new ApacheHttpTransport(
        new SsrfGuard(true, InetAddress::getAllByName, PrivateAddresses::isPrivate), 2);
  }

  @Test
  void failedSendsAreRetriedTwice() {
    receiver.respondWith(500).respondWith(503);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Transport transport = loopbackTransport();
    AlertSender sender =
        new AlertSender(
            new AlertsConfig(receiver.url("/retry"), AlertType.SLACK, Set.of(AlertKind.CUSTOM)),
            transport,
            Clock.systemUTC(),
            NO_WAITS,
            new EngineMetrics(registry));
    try {
      sender.raise(Alert.custom("hello"));

      List<RecordedRequest> tries = receiver.awaitRequests(3, WAIT);
      assertThat(tries).hasSize(3);
      assertThat(tries.get(2).bodyText()).contains(":information_source: *qhook alert: custom*");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> registry.counter("qhook.alerts.sent").count() == 1);
    } finally {
      sender.close();
      transport.close();
    }
  }

  @Test
  void alertIsCountedAsFailedAfterThreeTries() {
    receiver.respondByDefault(RecordingReceiver.Response.status(500));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Transport transport = loopbackTransport();
    AlertSender sender =
        new AlertSender(
            new AlertsConfig(receiver.url("/down")),
            transport,
            Clock.systemUTC(),
            NO_WAITS,
            new EngineMetrics(registry));
    try {
      sender.raise(Alert.verificationFailure("gh", "mismatch"));

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> registry.counter("qhook.alerts.failed").count() == 1);
      assertThat(receiver.requests()).hasSize(3);
      assertThat(registry.counter("qhook.alerts.sent").count()).isZero();
    } finally {
      sender.close();
      transport.close();
    }
  }

  @Test
  void customSinkReceivesAlertsInsteadOfTheSender() {
    List<Alert> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    QHookConfig config = QHookConfig.fromYaml("sources:\n  app: { type: event }");
    try (QHook engine =
        QHook.builder().config(config).store(new InMemoryStore()).alertSink(got::add).build()) {
      engine.raiseAlert(Alert.custom("embedded"));

      assertThat(got).extracting(Alert::message).containsExactly("embedded");
      assertThat(got.get(0).fields()).isEqualTo(Map.of("message", "embedded"));
    }
  }
}
