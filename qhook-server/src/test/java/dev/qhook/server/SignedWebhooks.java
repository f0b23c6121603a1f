package dev.qhook.server;

import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One webhook source per {@code verify} scheme, and a correctly signed request for each (signed
 * with the testkit's signers, at {@link #NOW}) that carries the event type the scheme's convention
 * finds (docs/reference/http-api.md, "Event type").
 */
final class SignedWebhooks {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String TWILIO_PUBLIC_URL = "https://hooks.example.com/twilio-in";
  static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        github: { type: webhook, verify: github, secret: [gh-new, gh-old] }
        stripe: { type: webhook, verify: stripe, secret: whsec_stripe }
        stripe-lenient: { type: webhook, verify: stripe, secret: whsec_stripe, tolerance: 87600h }
        shopify: { type: webhook, verify: shopify, secret: shop-secret }
        hmac: { type: webhook, verify: hmac, secret: hmac-secret }
        pagerduty: { type: webhook, verify: pagerduty, secret: pd-secret }
        grafana: { type: webhook, verify: grafana, secret: graf-secret }
        terraform: { type: webhook, verify: terraform, secret: tf-secret }
        gitlab: { type: webhook, verify: gitlab, secret: gl-token }
        standard: { type: webhook, verify: standard-webhooks, secret: %s }
        linear: { type: webhook, verify: linear, secret: lin-secret }
        twilio: { type: webhook, verify: twilio, secret: tw-token, public_url: '%s' }
        paddle: { type: webhook, verify: paddle, secret: pdl-secret }
      """
          .formatted(STANDARD_SECRET, TWILIO_PUBLIC_URL);

  /**
   * A signed request to one source.
   *
   * @param path the request path (with query string)
   * @param eventType the event type the server must store
   */
  record Case(String source, String path, SignedRequest signed, String eventType) {
    Map<String, String> headers() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.putAll(signed.headers());
      return headers;
    }

    /**
     * The request with its last body byte changed; for gitlab, whose token does not cover the body,
     * with a changed token instead.
     */
    SignedRequest tampered() {
      if (source.equals("gitlab")) {
        return signed.withHeader("X-Gitlab-Token", signed.header("X-Gitlab-Token") + "x");
      }
      byte[] body = signed.body();
      body[body.length - 1] = (byte) (body[body.length - 1] == 'x' ? 'y' : 'x');
      return signed.withBody(body);
    }

    /** The same case with another signed request. */
    Case with(SignedRequest other) {
      return new Case(source, path, other, eventType);
    }

    @Override
    public String toString() {
      return source;
    }
  }

  private SignedWebhooks() {}

  static QHookConfig config() {
    return QHookConfig.fromYaml(YAML);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A correctly signed request for every scheme. */
  static List<Case> all() {
    return List.of(
        new Case(
            "github",
            "/webhooks/github",
            WebhookSigners.github("gh-new", bytes("{\"action\":\"opened\",\"number\":7}"))
                .withHeader("X-GitHub-Event", "issues"),
            "issues.opened"),
        new Case(
            "stripe",
            "/webhooks/stripe",
            WebhookSigners.stripe("whsec_stripe", bytes("{\"type\":\"invoice.paid\"}"), NOW),
            "invoice.paid"),
        new Case(
            "shopify",
            "/webhooks/shopify",
            WebhookSigners.shopify("shop-secret", bytes("{\"id\":1}"))
                .withHeader("X-Shopify-Topic", "orders/create"),
            "orders/create"),
        new Case(
            "hmac",
            "/webhooks/hmac",
            WebhookSigners.hmac("hmac-secret", bytes("{\"kind\":\"x\"}")),
            "event"),
        new Case(
            "pagerduty",
            "/webhooks/pagerduty",
            WebhookSigners.pagerduty(
                "pd-secret", bytes("{\"event\":{\"event_type\":\"incident.triggered\"}}")),
            "incident.triggered"),
        new Case(
            "grafana",
            "/webhooks/grafana",
            WebhookSigners.grafana("graf-secret", bytes("{\"status\":\"firing\"}")),
            "firing"),
        new Case(
            "terraform",
            "/webhooks/terraform",
            WebhookSigners.terraform(
                "tf-secret", bytes("{\"notifications\":[{\"trigger\":\"run:completed\"}]}")),
            "run:completed"),
        new Case(
            "gitlab",
            "/webhooks/gitlab",
            WebhookSigners.gitlab("gl-token", bytes("{\"object_kind\":\"merge_request\"}")),
            "merge_request"),
        new Case(
            "standard",
            "/webhooks/standard",
            WebhookSigners.standardWebhooks(
                STANDARD_SECRET, "msg_1", bytes("{\"type\":\"user.created\"}"), NOW),
            "user.created"),
        new Case(
            "linear",
            "/webhooks/linear",
            WebhookSigners.linear(
                "lin-secret",
                bytes(
                    "{\"type\":\"Issue\",\"action\":\"create\",\"webhookTimestamp\":"
                        + NOW.toEpochMilli()
                        + "}")),
            "Issue.create"),
        new Case(
            "twilio",
            "/webhooks/twilio?attempt=1",
            WebhookSigners.twilioForm(
                "tw-token",
                TWILIO_PUBLIC_URL + "?attempt=1",
                Map.of("From", List.of("+15550001"), "Body", List.of("hello world"))),
            "event"),
        new Case(
            "paddle",
            "/webhooks/paddle",
            WebhookSigners.paddle(
                "pdl-secret", bytes("{\"event_type\":\"transaction.completed\"}"), NOW),
            "transaction.completed"));
  }
}
