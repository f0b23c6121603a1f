package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The custom {@code hmac} scheme: a configurable header (default {@code X-Webhook-Signature})
 * holding {@code <hex>} or {@code sha256=<hex>}, the HMAC-SHA256 of the body.
 */
public final class HmacVerifier implements WebhookVerifier {
  private static final String PREFIX = "sha256=";

  private final BodyMac check;

  public HmacVerifier(VerifierSettings settings) {
    this.check =
        new BodyMac(
            settings.hmacHeader(),
            HmacVerifier::decode,
            "<hex> or sha256=<hex>",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }

  private static byte @Nullable [] decode(String value) {
    return Encodings.hex(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value);
  }
}
