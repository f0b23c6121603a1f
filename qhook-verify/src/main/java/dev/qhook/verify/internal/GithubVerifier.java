package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import org.jspecify.annotations.Nullable;

/** GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}; prefix required. */
public final class GithubVerifier implements WebhookVerifier {
  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private final BodyMac check;

  public GithubVerifier(VerifierSettings settings) {
    this.check =
        new BodyMac(
            HEADER,
            GithubVerifier::decode,
            "sha256=<hex>",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    return check.verify(request);
  }

  private static byte @Nullable [] decode(String value) {
    return value.startsWith(PREFIX) ? Encodings.hex(value.substring(PREFIX.length())) : null;
  }
}
