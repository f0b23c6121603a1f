package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Endpoint;
import dev.qhook.spi.TransportRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundRequestsTest {
  // Published vector: standard-webhooks/standard-webhooks,
  // libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java (verifyWebhookSignWorks).
  private static final String KEY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final Instant TIMESTAMP = Instant.ofEpochSecond(1_614_265_330L);
  private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private final OutboundRequests requests = new OutboundRequests("1.2.3");

  private static Endpoint endpoint(String secret) {
    return Endpoint.builder("W1", "shop", "https://example.com/hooks", secret, TIMESTAMP).build();
  }

  @Test
  void signsThePublishedStandardWebhooksVector() {
    TransportRequest r =
        requests.message(
            endpoint(KEY), MSG_ID, "order.created", PAYLOAD, TIMESTAMP, Duration.ofSeconds(5));

    assertThat(r.headers())
        .containsEntry("webhook-id", MSG_ID)
        .containsEntry("webhook-timestamp", "1614265330")
        .containsEntry("webhook-signature", SIGNATURE)
        .containsEntry("Content-Type", "application/json")
        .containsEntry("X-Qhook-Event-Type", "order.created")
        .containsEntry("User-Agent", "qhook/1.2.3");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEqualTo(PAYLOAD);
    assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void signsWithTheNewSecretThenThePreviousOneUntilTheGraceEnds() {
    Endpoint twice =
        endpoint("whsec_c2VjcmV0").toBuilder()
            .rotate("whsec_bmV3c2VjcmV0", TIMESTAMP.plusSeconds(60))
            .rotate(KEY, TIMESTAMP.plusSeconds(60))
            .build();
    Endpoint inGrace =
        endpoint("whsec_c2VjcmV0").toBuilder()
            .rotate("whsec_bmV3c2VjcmV0", TIMESTAMP.plusSeconds(60))
            .build();

    String during =
        requests
            .message(inGrace, MSG_ID, "t", PAYLOAD, TIMESTAMP, Duration.ofSeconds(1))
            .headers()
            .get("webhook-signature");
    String after =
        requests
            .message(
                inGrace, MSG_ID, "t", PAYLOAD, TIMESTAMP.plusSeconds(60), Duration.ofSeconds(1))
            .headers()
            .get("webhook-signature");

    long ts = TIMESTAMP.getEpochSecond();
    String newer = sign("whsec_bmV3c2VjcmV0", ts);
    assertThat(during).isEqualTo(newer + " " + sign("whsec_c2VjcmV0", ts));
    assertThat(after).isEqualTo(sign("whsec_bmV3c2VjcmV0", ts + 60));
    assertThat(twice.signingSecrets(TIMESTAMP)).containsExactly(KEY, "whsec_bmV3c2VjcmV0");
  }

  @Test
  void percentEncodesAnEventTypeOutsidePrintableAscii() {
    TransportRequest r =
        requests.message(
            endpoint(KEY),
            MSG_ID,
            "bestellung.größe",
            PAYLOAD,
            TIMESTAMP,
            Duration.ZERO.plusSeconds(1));

    assertThat(r.headers().get("X-Qhook-Event-Type")).isEqualTo("bestellung.gr%C3%B6%C3%9Fe");
    assertThat(r.headers().get("X-Qhook-Encoded-Headers")).isEqualTo("X-Qhook-Event-Type");
  }

  private static String sign(String secret, long ts) {
    return Hmac.standardWebhooksSignature(Hmac.standardWebhooksKey(secret), MSG_ID, ts, PAYLOAD);
  }
}
