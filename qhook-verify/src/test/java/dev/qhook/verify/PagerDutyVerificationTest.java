package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.resource;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerDutyVerificationTest {
  // Published vector: PagerDuty/go-pagerduty, webhookv3/webhookv3_test.go (TestVerifySignature):
  // the secret, defaultBody (stored verbatim in pagerduty/go-pagerduty-webhookv3-body.json) and
  // the "valid" and "mismatch" signatures.
  private static final String SECRET =
      "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK";
  private static final String VALID =
      "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd";
  private static final String MISMATCH =
      "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5";
  private static final byte[] BODY = resource("pagerduty/go-pagerduty-webhookv3-body.json");

  private final WebhookVerifier verifier =
      WebhookVerifiers.forScheme("pagerduty", VerifierSettings.of(SECRET));

  private VerificationResult verify(String header) {
    return verifier.verify(WebhookRequest.of(BODY, Map.of("X-PagerDuty-Signature", header)));
  }

  @Test
  void acceptsTheGoClientsValidVector() {
    assertVerified(verify(VALID));
  }

  @Test
  void rejectsTheGoClientsMismatchVector() {
    assertRejected(verify(MISMATCH), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void acceptsAnyOfSeveralCommaSeparatedSignatures() {
    assertVerified(verify(MISMATCH + ", " + VALID));
  }

  @Test
  void onlyV1EntriesCount() {
    assertRejected(verify(VALID.replace("v1=", "v2=")), Reason.MALFORMED_SIGNATURE);
    assertRejected(verify(VALID.substring(3)), Reason.MALFORMED_SIGNATURE);
  }
}
