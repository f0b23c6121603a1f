package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.clockAtEpochSecond;
import static dev.qhook.verify.Fixtures.request;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksVerificationTest {
  // Published vector: standard-webhooks/standard-webhooks,
  // libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java (verifyWebhookSignWorks):
  // key, msg id, timestamp, payload and the expected "v1,..." signature; the decoy signatures are
  // from verifyValidPayloadWithMultipleSignaturesIsValid in the same file.
  private static final String KEY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1_614_265_330L;
  private static final String PAYLOAD = "{\"test\": 2432232314}";
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final String DECOY = "Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

  private static WebhookVerifier verifier(String key, long now) {
    return WebhookVerifiers.forScheme(
        "standard-webhooks",
        VerifierSettings.builder().secrets(key).clock(clockAtEpochSecond(now)).build());
  }

  private static Map<String, String> headers(String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("webhook-id", MSG_ID);
    headers.put("webhook-timestamp", Long.toString(TIMESTAMP));
    headers.put("webhook-signature", signature);
    return headers;
  }

  @Test
  void acceptsTheSpecificationLibrarysVector() {
    assertVerified(verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers(SIGNATURE))));
  }

  @Test
  void acceptsTheKeyWithOrWithoutItsPrefix() {
    assertVerified(
        verifier(KEY.substring("whsec_".length()), TIMESTAMP)
            .verify(request(PAYLOAD, headers(SIGNATURE))));
  }

  @Test
  void acceptsOneValidSignatureAmongDecoysOfOtherVersions() {
    String header = "v1," + DECOY + " v2," + DECOY + " " + SIGNATURE + " v1," + DECOY;
    assertVerified(verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers(header))));
  }

  @Test
  void ignoresAValidMacUnderAnotherVersion() {
    assertRejected(
        verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers(SIGNATURE.replace("v1,", "v2,")))),
        Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void rejectsTimestampsBeyondTheToleranceEitherWay() {
    assertRejected(
        verifier(KEY, TIMESTAMP + 301).verify(request(PAYLOAD, headers(SIGNATURE))),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRejected(
        verifier(KEY, TIMESTAMP - 301).verify(request(PAYLOAD, headers(SIGNATURE))),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void requiresAllThreeHeaders() {
    for (String missing : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
      Map<String, String> headers = headers(SIGNATURE);
      headers.remove(missing);
      assertRejected(
          verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers)), Reason.MISSING_SIGNATURE);
    }
  }

  @Test
  void rejectsAChangedMessageId() {
    Map<String, String> headers = headers(SIGNATURE);
    headers.put("webhook-id", "msg_other");
    assertRejected(
        verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers)), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsAnInvalidSignatureEntry() {
    assertRejected(
        verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers("v1,invalid_signature"))),
        Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verifier(KEY, TIMESTAMP).verify(request(PAYLOAD, headers("invalid_signature"))),
        Reason.MALFORMED_SIGNATURE);
  }
}
