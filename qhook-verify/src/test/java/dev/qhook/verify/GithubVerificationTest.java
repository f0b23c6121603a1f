package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.request;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubVerificationTest {
  // Published example:
  // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
  // ("Testing the webhook payload validation": secret, payload and X-Hub-Signature-256).
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String PAYLOAD = "Hello, World!";
  private static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private final WebhookVerifier verifier =
      WebhookVerifiers.forScheme("github", VerifierSettings.of(SECRET));

  @Test
  void acceptsGithubsDocumentedExample() {
    assertVerified(verifier.verify(request(PAYLOAD, Map.of("X-Hub-Signature-256", SIGNATURE))));
  }

  @Test
  void headerNameIsCaseInsensitiveAndHexMayBeUpperCase() {
    String upper = "sha256=" + SIGNATURE.substring(7).toUpperCase();
    assertVerified(verifier.verify(request(PAYLOAD, Map.of("x-hub-signature-256", upper))));
  }

  @Test
  void acceptsTheDocumentedExampleUnderAnyRotatedSecret() {
    WebhookVerifier rotated =
        WebhookVerifiers.forScheme("github", VerifierSettings.of("new secret", SECRET));
    assertVerified(rotated.verify(request(PAYLOAD, Map.of("X-Hub-Signature-256", SIGNATURE))));
  }

  @Test
  void rejectsATamperedPayload() {
    assertRejected(
        verifier.verify(request("Hello, World?", Map.of("X-Hub-Signature-256", SIGNATURE))),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsASignatureWithoutTheSha256Prefix() {
    assertRejected(
        verifier.verify(
            request(
                PAYLOAD, Map.of("X-Hub-Signature-256", SIGNATURE.substring("sha256=".length())))),
        Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void rejectsTheLegacySha1Header() {
    assertRejected(
        verifier.verify(request(PAYLOAD, Map.of("X-Hub-Signature", "sha1=abc"))),
        Reason.MISSING_SIGNATURE);
  }
}
