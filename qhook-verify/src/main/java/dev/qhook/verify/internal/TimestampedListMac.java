package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The shape Stripe and Paddle share: one header listing {@code key=value} entries with exactly one
 * Unix timestamp and any number of hex HMAC-SHA256 signatures over {@code
 * <timestamp><joiner><body>}; the timestamp must be within the tolerance.
 */
public final class TimestampedListMac {

  /**
   * @param header the header name
   * @param separator between entries
   * @param timestampKey the key of the timestamp entry
   * @param signatureKey the key of the signature entries that count
   * @param joiner between timestamp and body in the signed bytes
   */
  public record Format(
      String header, char separator, String timestampKey, String signatureKey, char joiner) {}

  private final Format format;
  private final VerifierSettings settings;
  private final MacMatcher matcher;

  public TimestampedListMac(Format format, VerifierSettings settings) {
    this.format = format;
    this.settings = settings;
    this.matcher = MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets());
  }

  public VerificationResult verify(WebhookRequest request) {
    String name = format.header();
    Outcome<String> header = SignatureHeaders.required(request, name);
    if (header.failed()) {
      return header.problem();
    }
    List<SignatureHeaders.Entry> entries =
        SignatureHeaders.keyValues(header.get(), format.separator());
    List<String> timestamps = SignatureHeaders.valuesOf(entries, format.timestampKey());
    if (timestamps.size() != 1) {
      return VerificationResult.rejected(
          Reason.MALFORMED_SIGNATURE,
          name + " must contain exactly one " + format.timestampKey() + "= timestamp");
    }
    Outcome<Instant> signedAt = Timestamps.epochSeconds(timestamps.get(0), name + " timestamp");
    if (signedAt.failed()) {
      return signedAt.problem();
    }
    Outcome<List<byte[]>> candidates =
        Candidates.decode(
            SignatureHeaders.valuesOf(entries, format.signatureKey()),
            Encodings::hex,
            name,
            format.signatureKey() + " signature");
    if (candidates.failed()) {
      return candidates.problem();
    }
    byte[] prefix = (timestamps.get(0) + format.joiner()).getBytes(StandardCharsets.US_ASCII);
    if (!matcher.anyMatches(candidates.get(), prefix, request.body())) {
      return Candidates.verdict(false, name);
    }
    Rejected stale = Timestamps.outsideTolerance(signedAt.get(), settings, name + " timestamp");
    return stale != null ? stale : VerificationResult.verified();
  }
}
