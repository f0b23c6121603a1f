package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;

/** Shopify: {@code X-Shopify-Hmac-SHA256: <base64 HMAC-SHA256 of the body>}. */
public final class ShopifyVerifier implements WebhookVerifier {
  public static final String HEADER = "X-Shopify-Hmac-SHA256";

  private final BodyMac check;

  public ShopifyVerifier(VerifierSettings settings) {
    this.check =
        new BodyMac(
            HEADER,
            Encodings::base64,
            "base64",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }
}
