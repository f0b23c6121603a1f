package dev.qhook.testkit.signers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifiers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Sign with the testkit, verify with qhook-verify: a signed request passes, and any change to the
 * body, the signature header, the secret or the timestamp (beyond the tolerance) is rejected.
 */
class SignerRoundTripProperties {
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Duration TOLERANCE = Duration.ofSeconds(300);

  /** One scheme: how to sign, which header holds the MAC, and where the MAC starts in it. */
  record Case(String scheme, Signer signer, String header, String macMarker) {
    @Override
    public String toString() {
      return scheme;
    }
  }

  interface Signer {
    SignedRequest sign(String secret, byte[] body, Instant at);
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "github", (s, b, t) -> WebhookSigners.github(s, b), "X-Hub-Signature-256", "sha256="),
          new Case("stripe", WebhookSigners::stripe, "Stripe-Signature", "v1="),
          new Case(
              "shopify", (s, b, t) -> WebhookSigners.shopify(s, b), "X-Shopify-Hmac-SHA256", ""),
          new Case(
              "hmac", (s, b, t) -> WebhookSigners.hmac(s, b), "X-Webhook-Signature", "sha256="),
          new Case(
              "pagerduty",
              (s, b, t) -> WebhookSigners.pagerduty(s, b),
              "X-PagerDuty-Signature",
              "v1="),
          new Case(
              "grafana",
              (s, b, t) -> WebhookSigners.grafana(s, b),
              "X-Grafana-Alerting-Signature",
              ""),
          new Case(
              "terraform",
              (s, b, t) -> WebhookSigners.terraform(s, b),
              "X-TFE-Notification-Signature",
              ""),
          new Case("gitlab", (s, b, t) -> WebhookSigners.gitlab(s, b), "X-Gitlab-Token", ""),
          new Case(
              "standard-webhooks",
              (s, b, t) ->
                  WebhookSigners.standardWebhooks(s, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", b, t),
              "webhook-signature",
              "v1,"),
          new Case("linear", (s, b, t) -> WebhookSigners.linear(s, b), "Linear-Signature", ""),
          new Case("paddle", WebhookSigners::paddle, "Paddle-Signature", "h1="),
          new Case(
              "twilio",
              (s, b, t) -> WebhookSigners.twilioJson(s, "https://example.com/hooks/twilio?a=1", b),
              "X-Twilio-Signature",
              ""));

  static VerificationResult verify(Case c, String secret, SignedRequest signed) {
    VerifierSettings settings =
        VerifierSettings.builder()
            .secrets(secret)
            .tolerance(TOLERANCE)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    WebhookRequest request =
        new WebhookRequest(
            signed.body(),
            signed.headers().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.of(e.getValue()))),
            signed.url());
    return WebhookVerifiers.forScheme(c.scheme(), settings).verify(request);
  }

  @Property(tries = 400)
  void signedRequestsVerify(
      @ForAll("cases") Case c,
      @ForAll("secrets") String secret,
      @ForAll @Size(max = 300) byte[] body) {
    assertThat(verify(c, secret, c.signer().sign(secret, body, NOW)).isVerified()).isTrue();
  }

  @Property(tries = 400)
  void anyChangedBodyByteIsRejected(
      @ForAll("cases") Case c,
      @ForAll("secrets") String secret,
      @ForAll @Size(min = 1, max = 300) byte[] body,
      @ForAll @IntRange(min = 0, max = 299) int position,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    Assume.that(!c.scheme().equals("gitlab")); // a shared token does not cover the body
    SignedRequest signed = c.signer().sign(secret, body, NOW);
    byte[] tampered = body.clone();
    tampered[position % body.length] ^= (byte) flip;
    assertThat(verify(c, secret, signed.withBody(tampered)).isVerified()).isFalse();
  }

  @Property(tries = 400)
  void aChangedSignatureIsRejected(
      @ForAll("cases") Case c,
      @ForAll("secrets") String secret,
      @ForAll @Size(max = 100) byte[] body) {
    SignedRequest signed = c.signer().sign(secret, body, NOW);
    String value = signed.header(c.header());
    int at = value.indexOf(c.macMarker()) + c.macMarker().length();
    char replacement = value.charAt(at) == '0' ? '1' : '0';
    String tampered = value.substring(0, at) + replacement + value.substring(at + 1);
    assertThat(verify(c, secret, signed.withHeader(c.header(), tampered)).isVerified()).isFalse();
  }

  @Property(tries = 400)
  void anotherSecretIsRejected(
      @ForAll("cases") Case c,
      @ForAll("secrets") String secret,
      @ForAll("secrets") String other,
      @ForAll @Size(max = 100) byte[] body) {
    Assume.that(!other.equals(secret));
    SignedRequest signed = c.signer().sign(secret, body, NOW);
    assertThat(verify(c, other, signed).isVerified()).isFalse();
    assertThat(verify(c, secret + "x", signed).isVerified()).isFalse();
  }

  @Property(tries = 300)
  void timestampsWithinTheToleranceVerifyAndBeyondItAreRejected(
      @ForAll("timestamped") Case c,
      @ForAll("secrets") String secret,
      @ForAll @Size(max = 100) byte[] body,
      @ForAll @IntRange(min = -300, max = 300) int within,
      @ForAll @IntRange(min = 301, max = 10_000_000) int beyond,
      @ForAll boolean past) {
    Instant inside = NOW.plusSeconds(within);
    Instant outside = past ? NOW.minusSeconds(beyond) : NOW.plusSeconds(beyond);
    assertThat(verify(c, secret, c.signer().sign(secret, body, inside)).isVerified()).isTrue();
    assertThat(verify(c, secret, c.signer().sign(secret, body, outside)).isVerified()).isFalse();
  }

  @Property(tries = 200)
  void linearTimestampsInTheBodyAreChecked(
      @ForAll("secrets") String secret,
      @ForAll @IntRange(min = -300, max = 300) int within,
      @ForAll @IntRange(min = 301, max = 10_000_000) int beyond) {
    Case linear = CASES.stream().filter(c -> c.scheme().equals("linear")).findFirst().orElseThrow();
    byte[] fresh = linearBody(NOW.plusSeconds(within));
    byte[] stale = linearBody(NOW.minusSeconds(beyond));
    assertThat(verify(linear, secret, WebhookSigners.linear(secret, fresh)).isVerified()).isTrue();
    assertThat(verify(linear, secret, WebhookSigners.linear(secret, stale)).isVerified()).isFalse();
  }

  @Property(tries = 200)
  void aChangedSignedTimestampOrIdIsRejected(
      @ForAll("secrets") String secret, @ForAll @Size(max = 100) byte[] body) {
    long ts = NOW.getEpochSecond();
    SignedRequest stripe = WebhookSigners.stripe(secret, body, NOW);
    String moved = stripe.header("Stripe-Signature").replace("t=" + ts, "t=" + (ts + 1));
    assertThat(
            verify(CASES.get(1), secret, stripe.withHeader("Stripe-Signature", moved)).isVerified())
        .isFalse();
    SignedRequest paddle = WebhookSigners.paddle(secret, body, NOW);
    String movedPaddle = paddle.header("Paddle-Signature").replace("ts=" + ts, "ts=" + (ts + 1));
    assertThat(
            verify(CASES.get(10), secret, paddle.withHeader("Paddle-Signature", movedPaddle))
                .isVerified())
        .isFalse();
    SignedRequest sw = WebhookSigners.standardWebhooks(secret, "msg_1", body, NOW);
    assertThat(verify(CASES.get(8), secret, sw.withHeader("webhook-id", "msg_2")).isVerified())
        .isFalse();
    assertThat(
            verify(CASES.get(8), secret, sw.withHeader("webhook-timestamp", Long.toString(ts + 1)))
                .isVerified())
        .isFalse();
  }

  private static byte[] linearBody(Instant at) {
    return ("{\"action\":\"create\",\"type\":\"Issue\",\"webhookTimestamp\":"
            + at.toEpochMilli()
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(CASES);
  }

  @Provide
  Arbitrary<Case> timestamped() {
    return Arbitraries.of(
        CASES.stream()
            .filter(c -> List.of("stripe", "paddle", "standard-webhooks").contains(c.scheme()))
            .toList());
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings().alpha().numeric().ofLength(32).map(s -> "whsec_" + s));
  }
}
