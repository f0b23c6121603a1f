package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;

/** Terraform Cloud: {@code X-TFE-Notification-Signature: <hex HMAC-SHA512 of the body>}. */
public final class TerraformVerifier implements WebhookVerifier {
  public static final String HEADER = "X-TFE-Notification-Signature";

  private final BodyMac check;

  public TerraformVerifier(VerifierSettings settings) {
    this.check =
        new BodyMac(
            HEADER,
            Encodings::hex,
            "hex",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA512, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }
}
