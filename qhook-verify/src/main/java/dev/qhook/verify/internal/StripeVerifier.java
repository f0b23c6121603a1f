package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;

/**
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}, HMAC-SHA256 over {@code
 * <t>.<body>} keyed with the secret's UTF-8 bytes (the {@code whsec_} prefix included). Every
 * {@code v1} is a candidate; {@code v0} and unknown keys are ignored; the timestamp must be within
 * the tolerance.
 */
public final class StripeVerifier implements WebhookVerifier {
  public static final String HEADER = "Stripe-Signature";

  private final TimestampedListMac check;

  public StripeVerifier(VerifierSettings settings) {
    this.check =
        new TimestampedListMac(
            new TimestampedListMac.Format(HEADER, ',', "t", "v1", '.'), settings);
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }
}
