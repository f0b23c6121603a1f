package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import java.util.List;

/**
 * PagerDuty (webhooks v3): {@code X-PagerDuty-Signature: v1=<hex>[,v1=<hex>...]}, HMAC-SHA256 of
 * the body. Only {@code v1=} entries count.
 */
public final class PagerDutyVerifier implements WebhookVerifier {
  public static final String HEADER = "X-PagerDuty-Signature";

  private final MacMatcher matcher;

  public PagerDutyVerifier(VerifierSettings settings) {
    this.matcher = MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets());
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    Outcome<String> header = SignatureHeaders.required(request, HEADER);
    if (header.failed()) {
      return header.problem();
    }
    List<String> v1 =
        SignatureHeaders.valuesOf(SignatureHeaders.keyValues(header.get(), ','), "v1");
    Outcome<List<byte[]>> candidates =
        Candidates.decode(v1, Encodings::hex, HEADER, "v1 signature");
    if (candidates.failed()) {
      return candidates.problem();
    }
    return Candidates.verdict(matcher.anyMatches(candidates.get(), request.body()), HEADER);
  }
}
