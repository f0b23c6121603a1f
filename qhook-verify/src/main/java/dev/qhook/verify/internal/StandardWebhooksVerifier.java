package dev.qhook.verify.internal;

import dev.qhook.verify.StandardWebhooks;
import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Rejected;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard Webhooks: headers {@code webhook-id}, {@code webhook-timestamp} and {@code
 * webhook-signature} (space-separated {@code v1,<base64>} entries; other versions ignored),
 * HMAC-SHA256 over {@code <id>.<timestamp>.<body>} with the key {@link StandardWebhooks#secretKey}
 * derives from each secret.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  private static final String VERSION_PREFIX = "v1,";

  private final VerifierSettings settings;
  private final MacMatcher matcher;

  public StandardWebhooksVerifier(VerifierSettings settings) {
    this.settings = settings;
    this.matcher =
        new MacMatcher(
            MacAlgorithm.HMAC_SHA256,
            settings.secrets().stream().map(StandardWebhooks::secretKey).toList());
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    Outcome<String> id = SignatureHeaders.required(request, ID_HEADER);
    if (id.failed()) {
      return id.problem();
    }
    Outcome<String> timestamp = SignatureHeaders.required(request, TIMESTAMP_HEADER);
    if (timestamp.failed()) {
      return timestamp.problem();
    }
    Outcome<String> signature = SignatureHeaders.required(request, SIGNATURE_HEADER);
    if (signature.failed()) {
      return signature.problem();
    }
    Outcome<Instant> signedAt = Timestamps.epochSeconds(timestamp.get(), TIMESTAMP_HEADER);
    if (signedAt.failed()) {
      return signedAt.problem();
    }
    List<String> v1 = new ArrayList<>();
    for (String entry : signature.get().split(" ")) {
      if (entry.startsWith(VERSION_PREFIX)) {
        v1.add(entry.substring(VERSION_PREFIX.length()));
      }
    }
    Outcome<List<byte[]>> candidates =
        Candidates.decode(v1, Encodings::base64, SIGNATURE_HEADER, "v1 signature");
    if (candidates.failed()) {
      return candidates.problem();
    }
    byte[] prefix = (id.get() + "." + timestamp.get() + ".").getBytes(StandardCharsets.UTF_8);
    if (!matcher.anyMatches(candidates.get(), prefix, request.body())) {
      return Candidates.verdict(false, SIGNATURE_HEADER);
    }
    Rejected stale = Timestamps.outsideTolerance(signedAt.get(), settings, TIMESTAMP_HEADER);
    return stale != null ? stale : VerificationResult.verified();
  }
}
