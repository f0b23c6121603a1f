package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.clockAtEpochSecond;
import static dev.qhook.verify.Fixtures.request;

import dev.qhook.verify.VerificationResult.Reason;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeVerificationTest {
  // Fixture of stripe/stripe-java, src/test/java/com/stripe/net/WebhookTest.java (secret, payload,
  // header layout "t=%d,%s=%s"). stripe-java computes its signatures at run time and publishes
  // none,
  // so the v1 value for t=1700000000 was computed once with
  // `openssl dgst -sha256 -hmac whsec_test_secret` over "1700000000.<payload>".
  private static final String SECRET = "whsec_test_secret";
  private static final String PAYLOAD =
      "{\n  \"id\": \"evt_test_webhook\",\n  \"object\": \"event\"\n}";
  private static final long T = 1_700_000_000L;
  private static final String V1 =
      "4f1cd7feda9826e746b7d482c4badebb657398df1099e1046364f6196a230150";

  private static WebhookVerifier verifierAt(long nowSeconds) {
    return WebhookVerifiers.forScheme(
        "stripe",
        VerifierSettings.builder().secrets(SECRET).clock(clockAtEpochSecond(nowSeconds)).build());
  }

  private static VerificationResult verify(WebhookVerifier verifier, String header) {
    return verifier.verify(request(PAYLOAD, Map.of("Stripe-Signature", header)));
  }

  @Test
  void acceptsAValidHeader() {
    assertVerified(verify(verifierAt(T), "t=" + T + ",v1=" + V1));
  }

  @Test
  void acceptsWhenAnyV1SignatureMatches() {
    // stripe-java testHeaderContainsValidSignature: a valid header plus ",v1=bad_signature".
    assertVerified(verify(verifierAt(T), "t=" + T + ",v1=" + V1 + ",v1=bad_signature"));
    assertVerified(verify(verifierAt(T), "t=" + T + ",v1=" + "00".repeat(32) + ",v1=" + V1));
  }

  @Test
  void ignoresV0AndUnknownKeys() {
    assertVerified(verify(verifierAt(T), "t=" + T + ",v0=" + V1 + ",x=1,v1=" + V1));
  }

  @Test
  void rejectsAHeaderWhoseOnlySignatureIsV0() {
    // stripe-java testNoSignaturesWithExpectedScheme.
    assertRejected(verify(verifierAt(T), "t=" + T + ",v0=" + V1), Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void rejectsATimestampOutsideTheTolerance() {
    // stripe-java testValidJsonAndHeaderButOutsideTimeTolerance: timestamp far from the clock.
    assertRejected(
        verify(verifierAt(T + 301), "t=" + T + ",v1=" + V1), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRejected(
        verify(verifierAt(T - 301), "t=" + T + ",v1=" + V1), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void acceptsATimestampExactlyAtTheToleranceEdge() {
    assertVerified(verify(verifierAt(T + 300), "t=" + T + ",v1=" + V1));
  }

  @Test
  void honoursALongConfiguredTolerance() {
    WebhookVerifier lenient =
        WebhookVerifiers.forScheme(
            "stripe",
            VerifierSettings.builder()
                .secrets(SECRET)
                .tolerance(Duration.ofHours(87600))
                .clock(clockAtEpochSecond(T + 86_400L * 365))
                .build());
    assertVerified(verify(lenient, "t=" + T + ",v1=" + V1));
  }

  @Test
  void rejectsMalformedHeaders() {
    // stripe-java testMalformedHeader / testMalformedTimestampValue /
    // testValidJsonAndInvalidHeader.
    assertRejected(verify(verifierAt(T), "bad_header"), Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verify(verifierAt(T), "i'm not even a real signature header"), Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verify(verifierAt(T), "t=not_a_number,v1=somesignature"), Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verify(verifierAt(T), "t=" + T + ",t=" + T + ",v1=" + V1), Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void rejectsASignatureThatMatchesNothing() {
    // stripe-java testNoValidSignatureForPayload uses "bad_signature"; a well-formed wrong MAC:
    assertRejected(
        verify(verifierAt(T), "t=" + T + ",v1=" + "ab".repeat(32)), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void keysWithTheWholeSecretIncludingItsPrefix() {
    WebhookVerifier withoutPrefix =
        WebhookVerifiers.forScheme(
            "stripe",
            VerifierSettings.builder().secrets("test_secret").clock(clockAtEpochSecond(T)).build());
    assertRejected(verify(withoutPrefix, "t=" + T + ",v1=" + V1), Reason.SIGNATURE_MISMATCH);
  }
}
