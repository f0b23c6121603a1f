package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.utf8;

import dev.qhook.verify.VerificationResult.Reason;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TwilioVerificationTest {
  // Published vectors: twilio/twilio-java,
  // src/test/java/com/twilio/security/RequestValidatorTest.java
  // (auth token, URL, form parameters, body, bodySHA256 and every signature below).
  private static final String AUTH_TOKEN = "12345";
  private static final String PUBLIC_URL = "https://mycompany.com/myapp.php";
  private static final String QUERY = "foo=1&bar=2";
  private static final String FORM =
      "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309"
          + "&From=%2B14158675309";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
  private static final String JSON_BODY = "{\"property\": \"value\", \"boolean\": true}";
  private static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

  private static VerificationResult verify(
      @Nullable String publicUrl,
      String requestUrl,
      String contentType,
      String body,
      String signature) {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme(
            "twilio", VerifierSettings.builder().secrets(AUTH_TOKEN).publicUrl(publicUrl).build());
    return verifier.verify(
        WebhookRequest.of(
            utf8(body),
            Map.of("X-Twilio-Signature", signature, "Content-Type", contentType),
            requestUrl));
  }

  private static VerificationResult verifyForm(String publicUrl, String signature) {
    return verify(
        publicUrl, "http://10.0.0.5:8080/webhooks/sms?" + QUERY, FORM_TYPE, FORM, signature);
  }

  @Test
  void acceptsFormParametersSignedWithThePublicUrlAndTheRequestsQuery() {
    // testValidate
    assertVerified(verifyForm(PUBLIC_URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  }

  @Test
  void acceptsTheRequestUrlWhenNoPublicUrlIsConfigured() {
    assertVerified(
        verify(null, PUBLIC_URL + "?" + QUERY, FORM_TYPE, FORM, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  }

  @Test
  void rejectsAnIncorrectSignature() {
    // testFailsWhenIncorrect: its 31-character value is not even base64.
    assertRejected(
        verifyForm(PUBLIC_URL, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="), Reason.MALFORMED_SIGNATURE);
    assertRejected(
        verifyForm(PUBLIC_URL, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsAChangedParameter() {
    assertRejected(
        verify(
            PUBLIC_URL,
            "http://internal/?" + QUERY,
            FORM_TYPE,
            FORM.replace("1234&", "1235&"),
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void acceptsASignatureOverTheUrlWithoutItsExplicitPort() {
    // testValidateRemovesPortHttps
    assertVerified(
        verifyForm("https://mycompany.com:1234/myapp.php", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  }

  @Test
  void acceptsAnHttpUrlWithAnExplicitPort() {
    // testValidateRemovesPortHttp
    assertVerified(
        verifyForm("http://mycompany.com:1234/myapp.php", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="));
  }

  @Test
  void acceptsASignatureOverTheUrlWithTheDefaultHttpsPortAdded() {
    // testValidateAddsPortHttps
    assertVerified(verifyForm(PUBLIC_URL, "kvajT1Ptam85bY51eRf/AJRuM3w="));
  }

  @Test
  void acceptsASignatureOverTheUrlWithTheDefaultHttpPortAdded() {
    // testValidateAddsPortHttp
    assertVerified(verifyForm("http://mycompany.com/myapp.php", "0ZXoZLH/DfblKGATFgpif+LLRf4="));
  }

  @Test
  void acceptsAJsonBodyBoundByBodySha256() {
    // testValidateWithBody
    assertVerified(
        verify(
            PUBLIC_URL,
            "http://internal/webhooks/twilio?" + QUERY + "&bodySHA256=" + BODY_HASH,
            "application/json",
            JSON_BODY,
            "a9nBmqA0ju/hNViExpshrM61xv4="));
  }

  @Test
  void acceptsAJsonBodyWhoseOnlyQueryParameterIsBodySha256() {
    // testValidateWithNoOtherParameters
    assertVerified(
        verify(
            PUBLIC_URL,
            "http://internal/webhooks/twilio?bodySHA256=" + BODY_HASH,
            "application/json",
            JSON_BODY,
            "y77kIzt2vzLz71DgmJGsen2scGs="));
  }

  @Test
  void rejectsAJsonBodyWithoutBodySha256() {
    // testValidateBodyWithoutSignature
    assertRejected(
        verify(
            PUBLIC_URL,
            "http://internal/?" + QUERY,
            "application/json",
            JSON_BODY,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        Reason.INVALID_REQUEST);
  }

  @Test
  void rejectsAJsonBodyThatDoesNotMatchBodySha256() {
    // testValidateBodyFailsWhenWrong, through the URL: a changed body no longer has that hash.
    assertRejected(
        verify(
            PUBLIC_URL,
            "http://internal/?" + QUERY + "&bodySHA256=" + BODY_HASH,
            "application/json",
            JSON_BODY.replace("true", "false"),
            "a9nBmqA0ju/hNViExpshrM61xv4="),
        Reason.INVALID_REQUEST);
  }

  @Test
  void rejectsWhenTheSignedUrlCannotBeKnown() {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme("twilio", VerifierSettings.of(AUTH_TOKEN));
    assertRejected(
        verifier.verify(
            WebhookRequest.of(
                utf8(FORM),
                Map.of(
                    "X-Twilio-Signature",
                    "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
                    "Content-Type",
                    FORM_TYPE))),
        Reason.INVALID_REQUEST);
  }

  @Test
  void rejectsAFormBodyWithABadEscape() {
    assertRejected(
        verify(
            PUBLIC_URL,
            "http://internal/",
            FORM_TYPE,
            "Digits=%G1",
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        Reason.INVALID_REQUEST);
  }
}
