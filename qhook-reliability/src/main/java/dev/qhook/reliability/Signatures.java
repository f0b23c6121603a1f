package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Valid signature headers of each scheme (docs/verifying-webhooks.md) for a body, so that the
 * fuzzer's signed requests get past verification into the rest of ingest.
 */
final class Signatures {
  private Signatures() {}

  /** The headers that sign {@code body} for {@code scheme}, at Unix time {@code now}. */
  static List<Map.Entry<String, String>> sign(
      String scheme, String secret, byte[] body, long now, String id) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    return switch (scheme) {
      case "github" ->
          List.of(
              Map.entry("X-Hub-Signature-256", "sha256=" + hex(mac("HmacSHA256", secret, body))));
      case "stripe" ->
          List.of(
              Map.entry(
                  "Stripe-Signature",
                  "t=" + now + ",v1=" + hex(mac("HmacSHA256", secret, latin(now + "." + text)))));
      case "shopify" ->
          List.of(Map.entry("X-Shopify-Hmac-SHA256", base64(mac("HmacSHA256", secret, body))));
      case "hmac" ->
          List.of(Map.entry("X-Webhook-Signature", hex(mac("HmacSHA256", secret, body))));
      case "pagerduty" ->
          List.of(Map.entry("X-PagerDuty-Signature", "v1=" + hex(mac("HmacSHA256", secret, body))));
      case "grafana" ->
          List.of(Map.entry("X-Grafana-Alerting-Signature", hex(mac("HmacSHA256", secret, body))));
      case "terraform" ->
          List.of(Map.entry("X-TFE-Notification-Signature", hex(mac("HmacSHA512", secret, body))));
      case "gitlab" -> List.of(Map.entry("X-Gitlab-Token", secret));
      case "standard-webhooks" -> {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signed = id + "." + now + "." + text;
        yield List.of(
            Map.entry("webhook-id", id),
            Map.entry("webhook-timestamp", Long.toString(now)),
            Map.entry("webhook-signature", "v1," + base64(mac("HmacSHA256", key, latin(signed)))));
      }
      case "linear" -> List.of(Map.entry("Linear-Signature", hex(mac("HmacSHA256", secret, body))));
      case "paddle" ->
          List.of(
              Map.entry(
                  "Paddle-Signature",
                  "ts=" + now + ";h1=" + hex(mac("HmacSHA256", secret, latin(now + ":" + text)))));
      default -> List.of();
    };
  }

  private static byte[] latin(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] mac(String algorithm, String secret, byte[] data) {
    return mac(algorithm, secret.getBytes(StandardCharsets.UTF_8), data);
  }

  private static byte[] mac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
