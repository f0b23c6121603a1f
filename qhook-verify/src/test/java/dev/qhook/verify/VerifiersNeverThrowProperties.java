package dev.qhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, a verifier answers with a result and never throws. */
class VerifiersNeverThrowProperties {

  @Property(tries = 300)
  void everySchemeAnswersEveryRequest(
      @ForAll("schemes") String scheme,
      @ForAll("values") String signature,
      @ForAll("values") String timestamp,
      @ForAll("values") String contentType,
      @ForAll byte[] body) {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme(
            scheme,
            VerifierSettings.builder()
                .secrets("whsec_c2VjcmV0", "plain")
                .publicUrl("https://example.com:8443/hook")
                .build());
    Map<String, String> headers =
        Map.ofEntries(
            Map.entry("X-Hub-Signature-256", signature),
            Map.entry("Stripe-Signature", "t=" + timestamp + "," + signature),
            Map.entry("X-Shopify-Hmac-SHA256", signature),
            Map.entry("X-Webhook-Signature", signature),
            Map.entry("X-PagerDuty-Signature", signature),
            Map.entry("X-Grafana-Alerting-Signature", signature),
            Map.entry("X-TFE-Notification-Signature", signature),
            Map.entry("X-Gitlab-Token", signature),
            Map.entry("webhook-id", timestamp),
            Map.entry("webhook-timestamp", timestamp),
            Map.entry("webhook-signature", signature),
            Map.entry("Linear-Signature", signature),
            Map.entry("X-Twilio-Signature", signature),
            Map.entry("Content-Type", contentType),
            Map.entry("Paddle-Signature", "ts=" + timestamp + ";" + signature));
    VerificationResult result =
        verifier.verify(WebhookRequest.of(body, headers, "https://x/?" + timestamp));
    assertThat(result).isNotNull();
  }

  @Property(tries = 200)
  void snsAnswersEveryBody(@ForAll byte[] body, @ForAll("values") String text) {
    SnsMessageVerifier verifier =
        new SnsMessageVerifier(
            url -> {
              throw new java.io.IOException("offline");
            },
            java.time.Clock.systemUTC());
    assertThat(verifier.verify(WebhookRequest.of(body, Map.of()))).isNotNull();
    assertThat(
            verifier.verify(
                WebhookRequest.of(
                    ("{\"Type\":\"Notification\",\"MessageId\":\""
                            + text.replace("\"", "")
                            + "\",\"Message\":\"m\",\"Timestamp\":\"t\",\"TopicArn\":\"a\","
                            + "\"Signature\":\""
                            + text.replace("\"", "")
                            + "\",\"SignatureVersion\":\"1\",\"SigningCertURL\":\""
                            + text.replace("\"", "")
                            + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of())))
        .isNotNull();
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of(WebhookVerifiers.SCHEMES);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withChars("0123456789abcdefv=,; ").ofMaxLength(80),
        Arbitraries.of(
            "", "v1=", "sha256=", "t=1,v1=zz", "v1,", "h1=;ts=", "%", "99999999999999999999"));
  }
}
