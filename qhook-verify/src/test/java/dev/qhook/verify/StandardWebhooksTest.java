package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
  // Published vector: standard-webhooks/standard-webhooks,
  // libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java (verifyWebhookSignWorks).
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SIGNED_CONTENT =
      "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}";
  private static final String SIGNATURE = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void theKeyOfThePublishedSecretSignsThePublishedSignature() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(StandardWebhooks.secretKey(SECRET), "HmacSHA256"));
    assertThat(Base64.getEncoder().encodeToString(mac.doFinal(utf8(SIGNED_CONTENT))))
        .isEqualTo(SIGNATURE);
  }

  @Test
  void dropsTheWhsecPrefixAndDecodesTheRestAsBase64() {
    byte[] expected = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(StandardWebhooks.secretKey(SECRET)).isEqualTo(expected);
    assertThat(StandardWebhooks.secretKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEqualTo(expected);
  }

  @Test
  void aSecretThatIsNotBase64IsUsedAsItsUtf8Bytes() {
    assertThat(StandardWebhooks.secretKey("not base64!")).isEqualTo(utf8("not base64!"));
    assertThat(StandardWebhooks.secretKey("whsec_pässwörd")).isEqualTo(utf8("pässwörd"));
  }

  @Test
  void aSecretThatIsOnlyThePrefixIsUsedWholeSoTheKeyIsNeverEmpty() {
    assertThat(StandardWebhooks.secretKey("whsec_")).isEqualTo(utf8("whsec_"));
  }

  @Test
  void eachCallReturnsItsOwnArray() {
    byte[] first = StandardWebhooks.secretKey(SECRET);
    first[0] ^= 1;
    assertThat(StandardWebhooks.secretKey(SECRET)).isNotEqualTo(first);
  }

  @Test
  void refusesANullSecret() {
    assertThatNullPointerException()
        .isThrownBy(() -> StandardWebhooks.secretKey(null))
        .withMessage("secret");
  }
}
