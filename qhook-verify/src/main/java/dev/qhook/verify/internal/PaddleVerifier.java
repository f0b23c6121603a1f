package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;

/**
 * Paddle Billing: {@code Paddle-Signature: ts=<unix>;h1=<hex>[;h1=<hex>...]}, HMAC-SHA256 over
 * {@code <ts>:<body>} keyed with the secret's UTF-8 bytes. Every {@code h1} is a candidate; unknown
 * keys are ignored; the timestamp must be within the tolerance.
 */
public final class PaddleVerifier implements WebhookVerifier {
  public static final String HEADER = "Paddle-Signature";

  private final TimestampedListMac check;

  public PaddleVerifier(VerifierSettings settings) {
    this.check =
        new TimestampedListMac(
            new TimestampedListMac.Format(HEADER, ';', "ts", "h1", ':'), settings);
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }
}
