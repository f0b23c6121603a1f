package dev.qhook.internal.delivery;

import dev.qhook.verify.StandardWebhooks;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Small hashing helpers for delivery headers. */
public final class Hmac {
  private Hmac() {}

  public static byte[] sha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The Standard Webhooks key of a secret: {@link StandardWebhooks#secretKey}, the derivation the
   * verifier uses, so that what qhook signs, qhook verifies.
   */
  public static byte[] standardWebhooksKey(String secret) {
    return StandardWebhooks.secretKey(secret);
  }

  /** {@code v1,} + base64 HMAC-SHA256 over {@code id.timestamp.body}. */
  public static String standardWebhooksSignature(
      byte[] key, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return "v1," + Base64.getEncoder().encodeToString(sha256(key, signed));
  }

  /** Lowercase hex of the first 16 bytes of SHA-256 of {@code text}. */
  public static String deliveryId(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
