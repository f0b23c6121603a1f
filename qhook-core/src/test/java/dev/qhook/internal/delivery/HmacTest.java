package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacTest {

  /**
   * The example of the Standard Webhooks specification
   * (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md, "Signature scheme"
   * section and the libraries' tests).
   */
  @Test
  void signsTheStandardWebhooksSpecificationExample() {
    byte[] key = Hmac.standardWebhooksKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String signature =
        Hmac.standardWebhooksSignature(
            key,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  /** RFC 4231 test case 2. */
  @Test
  void computesHmacSha256PerRfc4231() {
    byte[] mac =
        Hmac.sha256(
            "Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aSecretThatIsNotBase64IsUsedAsRawBytes() {
    assertThat(Hmac.standardWebhooksKey("not base64!"))
        .isEqualTo("not base64!".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDeliveryIdIsTheFirstHalfOfTheSha256() {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertThat(Hmac.deliveryId("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
  }
}
