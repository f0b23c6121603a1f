package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.request;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shopify, Grafana, Terraform Cloud, Linear, GitLab and the custom hmac scheme publish no example
 * signatures, so the primitive is pinned with RFC 4231 test case 2
 * (https://www.rfc-editor.org/rfc/rfc4231#section-4.3): key "Jefe", data "what do ya want for
 * nothing?"; the formats are covered by round trips in qhook-testkit.
 */
class RfcVectorSchemesTest {
  private static final String KEY = "Jefe";
  private static final String DATA = "what do ya want for nothing?";
  private static final String SHA256_HEX =
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  private static final String SHA512_HEX =
      "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75"
          + "c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737";
  // The same HMAC-SHA256 value in base64 (converted with `openssl dgst -binary | base64`).
  private static final String SHA256_BASE64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";

  @ParameterizedTest(name = "{0} accepts the RFC 4231 MAC in {1}")
  @CsvSource({
    "shopify, X-Shopify-Hmac-SHA256, " + SHA256_BASE64,
    "grafana, X-Grafana-Alerting-Signature, " + SHA256_HEX,
    "terraform, X-TFE-Notification-Signature, " + SHA512_HEX,
    "linear, Linear-Signature, " + SHA256_HEX,
    "hmac, X-Webhook-Signature, " + SHA256_HEX,
    "hmac, X-Webhook-Signature, sha256=" + SHA256_HEX,
  })
  void acceptsTheRfcVector(String scheme, String header, String signature) {
    WebhookVerifier verifier = WebhookVerifiers.forScheme(scheme, VerifierSettings.of(KEY));
    assertVerified(verifier.verify(request(DATA, Map.of(header, signature))));
    assertRejected(
        verifier.verify(request(DATA + " ", Map.of(header, signature))), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void customHmacReadsTheConfiguredHeader() {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme(
            "hmac", VerifierSettings.builder().secrets(KEY).hmacHeader("X-Acme-Sig").build());
    assertVerified(verifier.verify(request(DATA, Map.of("x-acme-sig", SHA256_HEX))));
    assertRejected(
        verifier.verify(request(DATA, Map.of("X-Webhook-Signature", SHA256_HEX))),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void terraformRejectsASha256Mac() {
    WebhookVerifier verifier = WebhookVerifiers.forScheme("terraform", VerifierSettings.of(KEY));
    assertRejected(
        verifier.verify(request(DATA, Map.of("X-TFE-Notification-Signature", SHA256_HEX))),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void gitlabComparesTheTokenWithEverySecret() {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme("gitlab", VerifierSettings.of("old-token", "new-token"));
    assertVerified(verifier.verify(request(DATA, Map.of("X-Gitlab-Token", "new-token"))));
    assertVerified(verifier.verify(request(DATA, Map.of("X-Gitlab-Token", "old-token"))));
    assertRejected(
        verifier.verify(request(DATA, Map.of("X-Gitlab-Token", "new-token2"))),
        Reason.SIGNATURE_MISMATCH);
  }
}
