package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Missing, empty, malformed and oversized signature headers, and non-UTF-8 bodies. */
class BadInputTest {
  private static final byte[] NOT_UTF8 = {(byte) 0xc3, (byte) 0x28, (byte) 0xff, 0x00};

  /** Each scheme with the header carrying its signature. */
  static Stream<Arguments> schemes() {
    return Stream.of(
        Arguments.of("github", "X-Hub-Signature-256"),
        Arguments.of("stripe", "Stripe-Signature"),
        Arguments.of("shopify", "X-Shopify-Hmac-SHA256"),
        Arguments.of("hmac", "X-Webhook-Signature"),
        Arguments.of("pagerduty", "X-PagerDuty-Signature"),
        Arguments.of("grafana", "X-Grafana-Alerting-Signature"),
        Arguments.of("terraform", "X-TFE-Notification-Signature"),
        Arguments.of("gitlab", "X-Gitlab-Token"),
        Arguments.of("standard-webhooks", "webhook-signature"),
        Arguments.of("linear", "Linear-Signature"),
        Arguments.of("twilio", "X-Twilio-Signature"),
        Arguments.of("paddle", "Paddle-Signature"));
  }

  private static VerificationResult verify(
      String scheme, Map<String, String> headers, byte[] body) {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme(
            scheme,
            VerifierSettings.builder()
                .secrets("a secret")
                .publicUrl("https://example.com/hook")
                .build());
    Map<String, String> all = new HashMap<>(headers);
    all.putIfAbsent("webhook-id", "msg_1");
    all.putIfAbsent("webhook-timestamp", "1700000000");
    return verifier.verify(WebhookRequest.of(body, all, "https://example.com/hook"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void missingHeaderIsRejected(String scheme, String header) {
    assertRejected(verify(scheme, Map.of(), "{}".getBytes()), Reason.MISSING_SIGNATURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void emptyOrBlankHeaderIsRejected(String scheme, String header) {
    assertRejected(verify(scheme, Map.of(header, ""), "{}".getBytes()), Reason.MISSING_SIGNATURE);
    assertRejected(verify(scheme, Map.of(header, "  "), "{}".getBytes()), Reason.MISSING_SIGNATURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void oversizedHeaderIsRejectedWithoutBeingParsed(String scheme, String header) {
    String huge = "v1=" + "ab".repeat(10_000);
    assertRejected(
        verify(scheme, Map.of(header, huge), "{}".getBytes()), Reason.MALFORMED_SIGNATURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void malformedHeaderIsRejected(String scheme, String header) {
    VerificationResult result =
        verify(scheme, Map.of(header, "%%% not a signature ;,="), "{}".getBytes());
    assertThat(result).isInstanceOf(Rejected.class);
    Reason expected =
        scheme.equals("gitlab") ? Reason.SIGNATURE_MISMATCH : Reason.MALFORMED_SIGNATURE;
    assertThat(((Rejected) result).reason()).isEqualTo(expected);
    assertThat(((Rejected) result).message()).doesNotContain("a secret");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void nonUtf8BodyIsRejectedNotThrown(String scheme, String header) {
    assertThat(verify(scheme, Map.of(header, "sha256=00"), NOT_UTF8)).isInstanceOf(Rejected.class);
  }
}
