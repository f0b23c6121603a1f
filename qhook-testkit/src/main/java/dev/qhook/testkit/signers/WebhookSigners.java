package dev.qhook.testkit.signers;

import static dev.qhook.testkit.signers.Digests.base64;
import static dev.qhook.testkit.signers.Digests.hex;
import static dev.qhook.testkit.signers.Digests.hmacSha256;
import static dev.qhook.testkit.signers.Digests.join;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Produces correctly signed requests for every {@code verify} scheme, from each provider's
 * documented algorithm. Use them to test an application's webhook sources:
 *
 * <pre>{@code
 * SignedRequest signed = WebhookSigners.github("my-secret", body);
 * // POST signed.body() with signed.headers() to /webhooks/github-source
 * }</pre>
 */
public final class WebhookSigners {
  private WebhookSigners() {}

  /** GitHub: {@code X-Hub-Signature-256: sha256=<hex>}. */
  public static SignedRequest github(String secret, byte[] body) {
    return signed(body, "X-Hub-Signature-256", "sha256=" + hex(hmacSha256(secret, body)));
  }

  /** Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex of HMAC(t.body)>}. */
  public static SignedRequest stripe(String secret, byte[] body, Instant at) {
    long t = at.getEpochSecond();
    String v1 = hex(hmacSha256(secret, join(t + ".", body)));
    return signed(body, "Stripe-Signature", "t=" + t + ",v1=" + v1);
  }

  /** Shopify: {@code X-Shopify-Hmac-SHA256: <base64>}. */
  public static SignedRequest shopify(String secret, byte[] body) {
    return signed(body, "X-Shopify-Hmac-SHA256", base64(hmacSha256(secret, body)));
  }

  /** The custom hmac scheme with its default header: {@code X-Webhook-Signature: sha256=<hex>}. */
  public static SignedRequest hmac(String secret, byte[] body) {
    return hmac(secret, body, "X-Webhook-Signature");
  }

  /** The custom hmac scheme with a configured header. */
  public static SignedRequest hmac(String secret, byte[] body, String header) {
    return signed(body, header, "sha256=" + hex(hmacSha256(secret, body)));
  }

  /** PagerDuty: {@code X-PagerDuty-Signature: v1=<hex>}. */
  public static SignedRequest pagerduty(String secret, byte[] body) {
    return signed(body, "X-PagerDuty-Signature", "v1=" + hex(hmacSha256(secret, body)));
  }

  /** Grafana: {@code X-Grafana-Alerting-Signature: <hex>}. */
  public static SignedRequest grafana(String secret, byte[] body) {
    return signed(body, "X-Grafana-Alerting-Signature", hex(hmacSha256(secret, body)));
  }

  /** Terraform Cloud: {@code X-TFE-Notification-Signature: <hex HMAC-SHA512>}. */
  public static SignedRequest terraform(String secret, byte[] body) {
    byte[] mac = Digests.hmac("HmacSHA512", secret.getBytes(StandardCharsets.UTF_8), body);
    return signed(body, "X-TFE-Notification-Signature", hex(mac));
  }

  /** GitLab: {@code X-Gitlab-Token: <token>}. */
  public static SignedRequest gitlab(String token, byte[] body) {
    return signed(body, "X-Gitlab-Token", token);
  }

  /**
   * Linear: {@code Linear-Signature: <hex>}. Linear's timestamp travels inside the body as {@code
   * webhookTimestamp} (Unix milliseconds); put it there before signing.
   */
  public static SignedRequest linear(String secret, byte[] body) {
    return signed(body, "Linear-Signature", hex(hmacSha256(secret, body)));
  }

  /** Paddle: {@code Paddle-Signature: ts=<unix>;h1=<hex of HMAC(ts:body)>}. */
  public static SignedRequest paddle(String secret, byte[] body, Instant at) {
    long ts = at.getEpochSecond();
    String h1 = hex(hmacSha256(secret, join(ts + ":", body)));
    return signed(body, "Paddle-Signature", "ts=" + ts + ";h1=" + h1);
  }

  /**
   * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature:
   * v1,<base64 of HMAC(id.timestamp.body)>}; the key is the secret without {@code whsec_},
   * base64-decoded (or its raw bytes when it is not base64).
   */
  public static SignedRequest standardWebhooks(
      String secret, String messageId, byte[] body, Instant at) {
    long ts = at.getEpochSecond();
    byte[] mac =
        Digests.hmac(
            "HmacSHA256", standardWebhooksKey(secret), join(messageId + "." + ts + ".", body));
    return new SignedRequest(
        body,
        Map.of(
            "webhook-id",
            messageId,
            "webhook-timestamp",
            Long.toString(ts),
            "webhook-signature",
            "v1," + base64(mac)),
        null);
  }

  /**
   * Twilio with form parameters: the body is the form encoding of {@code params}, signed over
   * {@code url} followed by each name and value in code-point order. Send it to exactly {@code url}
   * (or configure that URL, without its query, as the source's {@code public_url}).
   */
  public static SignedRequest twilioForm(
      String authToken, String url, Map<String, List<String>> params) {
    return TwilioSigning.form(authToken, url, params);
  }

  /**
   * Twilio with a JSON (or any non-form) body: {@code bodySHA256=<hex SHA-256 of body>} is added to
   * {@code url}, which alone is signed. Send it to {@link SignedRequest#url()}.
   */
  public static SignedRequest twilioJson(String authToken, String url, byte[] body) {
    return TwilioSigning.json(authToken, url, body);
  }

  private static byte[] standardWebhooksKey(String secret) {
    String rest = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    try {
      byte[] key = Base64.getDecoder().decode(rest);
      if (key.length > 0) {
        return key;
      }
    } catch (IllegalArgumentException notBase64) {
      // use the text itself
    }
    return (rest.isEmpty() ? secret : rest).getBytes(StandardCharsets.UTF_8);
  }

  private static SignedRequest signed(byte[] body, String header, String value) {
    return new SignedRequest(body, Map.of(header, value), null);
  }
}
