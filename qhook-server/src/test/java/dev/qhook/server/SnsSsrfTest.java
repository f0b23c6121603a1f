package dev.qhook.server;

import static dev.qhook.server.SignedWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Under {@code skip_verify} the SSRF guard replaces the SNS host rule (docs/reference/http-api.md,
 * "POST /sns/{source}").
 */
class SnsSsrfTest {
  @Test
  void loopbackSubscribeUrlIsRefusedUnlessPrivateUrlsAreAllowed() {
    try (RecordingReceiver standIn = RecordingReceiver.start();
        RunningServer server =
            RunningServer.start(
                QHookConfig.fromYaml("sources:\n  local: { type: sns, skip_verify: true }"),
                UnaryOperator.identity(),
                UnaryOperator.identity())) {
      String body =
          """
          {"Type": "SubscriptionConfirmation", "MessageId": "m-1", "Token": "t",
           "TopicArn": "arn:aws:sns:local:000000000000:orders", "Message": "confirm",
           "SubscribeURL": "%s", "Timestamp": "2026-03-01T12:00:00Z",
           "SignatureVersion": "1", "Signature": "x", "SigningCertURL": "http://localhost/x"}
          """
              .formatted(standIn.url("/confirm"));

      HttpResponse<String> response = server.post("/sns/local", bytes(body), Map.of());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(response).get("message").asText())
          .contains("allow_private_urls");
      assertThat(standIn.requests()).isEmpty();
    }
  }
}
