package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;

/** Grafana alerting: {@code X-Grafana-Alerting-Signature: <hex HMAC-SHA256 of the body>}. */
public final class GrafanaVerifier implements WebhookVerifier {
  public static final String HEADER = "X-Grafana-Alerting-Signature";

  private final BodyMac check;

  public GrafanaVerifier(VerifierSettings settings) {
    this.check =
        new BodyMac(
            HEADER,
            Encodings::hex,
            "hex",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }
}
