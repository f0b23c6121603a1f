package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server started by the CLI verifies webhooks end to end: a signed request is stored
 * and delivered, a tampered one refused with nothing stored, and the refusal is alerted.
 */
class VerifiedWebhookProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void signedWebhookIsDeliveredAndTamperedOneRefused() throws Exception {
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      int port = ServerProcess.freePort();
      Path config = dir.resolve("qhook.yaml");
      Files.writeString(
          config,
          """
          server: { host: 127.0.0.1, port: %d, allow_private_urls: true }
          database: { url: "sqlite:qhook.db" }
          api: { auth_token: t0ken }
          sources:
            stripe: { type: webhook, verify: stripe, secret: [whsec_old, whsec_new] }
          handlers:
            paid: { source: stripe, events: [invoice.*], url: %s }
          alerts: { url: "%s" }
          """
              .formatted(port, receiver.url("/paid"), receiver.url("/alerts")));
      byte[] body = "{\"type\":\"invoice.paid\",\"id\":\"in_1\"}".getBytes(StandardCharsets.UTF_8);
      SignedRequest signed = WebhookSigners.stripe("whsec_new", body, Instant.now());
      byte[] tampered =
          "{\"type\":\"invoice.paid\",\"id\":\"in_2\"}".getBytes(StandardCharsets.UTF_8);

      try (ServerProcess server = ServerProcess.start(dir, config, port, "server.log")) {
        HttpResponse<String> accepted =
            server.post("/webhooks/stripe", body, withJson(signed.headers()));
        HttpResponse<String> refused =
            server.post("/webhooks/stripe", tampered, withJson(signed.headers()));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("code").asText())
            .isEqualTo("signature_invalid");
        assertThat(receiver.awaitRequests(2, Duration.ofSeconds(20)))
            .extracting(RecordingReceiver.RecordedRequest::path)
            .containsExactlyInAnyOrder("/paid", "/alerts");
        assertThat(receiver.requestsTo("/paid").get(0).header("X-Qhook-Event-Type"))
            .isEqualTo("invoice.paid");
        assertThat(receiver.requestsTo("/alerts").get(0).bodyText())
            .contains("\"alert\":\"verification_failure\"")
            .contains("\"source\":\"stripe\"");
        HttpResponse<String> metrics = server.get("/metrics");
        assertThat(metrics.body())
            .contains("qhook_verification_failures_total{source=\"stripe\"} 1.0");
      }
    }
  }

  private static Map<String, String> withJson(Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return all;
  }
}
