package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.clockAtEpochSecond;
import static dev.qhook.verify.Fixtures.request;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaddleVerificationTest {
  // Published vector: PaddleHQ/paddle-php-sdk, tests/Unit/Notifications/VerifierTest.php
  // (it_verifies_a_signature): three secrets, the third correct; a dummy h1 before the real one.
  private static final List<String> SECRETS =
      List.of(
          "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_TjIG2BXbm83HPXqNfziwe506sBEdqL/4",
          "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_vB/yIOnTOCWIvpBadM5jzBZPHc7OmdSo",
          "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_WvRO0eL4Bj9rgYYIBZY6wZhG4EHy9jzh");
  private static final String HEADER =
      "ts=1696195954;h1=dummy;h1=d96299976a6eb066f484d7fde011ac56fc32b38fc9940bc419d6e537fdc6ef02";
  private static final String BODY = "hello-world";
  private static final long TS = 1_696_195_954L;

  private static WebhookVerifier verifierAt(long now, List<String> secrets) {
    return WebhookVerifiers.forScheme(
        "paddle",
        VerifierSettings.builder().secrets(secrets).clock(clockAtEpochSecond(now)).build());
  }

  @Test
  void acceptsPaddlesSdkExampleWithRotatedSecretsAndADummySignature() {
    assertVerified(
        verifierAt(TS, SECRETS).verify(request(BODY, Map.of("Paddle-Signature", HEADER))));
  }

  @Test
  void rejectsTheExampleWithoutTheCorrectSecret() {
    assertRejected(
        verifierAt(TS, SECRETS.subList(0, 2))
            .verify(request(BODY, Map.of("Paddle-Signature", HEADER))),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsATamperedBody() {
    assertRejected(
        verifierAt(TS, SECRETS).verify(request("hello-world!", Map.of("Paddle-Signature", HEADER))),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsAStaleTimestamp() {
    assertRejected(
        verifierAt(TS + 301, SECRETS).verify(request(BODY, Map.of("Paddle-Signature", HEADER))),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void rejectsAHeaderWithoutTimestampOrSignature() {
    WebhookVerifier verifier = verifierAt(TS, SECRETS);
    assertRejected(
        verifier.verify(request(BODY, Map.of("Paddle-Signature", "h1=abcd"))),
        Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verifier.verify(request(BODY, Map.of("Paddle-Signature", "ts=1696195954"))),
        Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verifier.verify(request(BODY, Map.of("Paddle-Signature", "ts=1696195954;h1=dummy"))),
        Reason.MALFORMED_SIGNATURE);
  }
}
