package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.WebhookRequest;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The common shape: one header holding one MAC of the raw body. */
public final class BodyMac {
  private final String header;
  private final Function<String, byte @Nullable []> decoder;
  private final String format;
  private final MacMatcher matcher;

  /**
   * @param header the signature header
   * @param decoder from the header value to the MAC bytes, null if malformed
   * @param format how the value should look, for the rejection message
   * @param matcher the algorithm and keys
   */
  public BodyMac(
      String header,
      Function<String, byte @Nullable []> decoder,
      String format,
      MacMatcher matcher) {
    this.header = header;
    this.decoder = decoder;
    this.format = format;
    this.matcher = matcher;
  }

  public VerificationResult verify(WebhookRequest request) {
    Outcome<String> value = SignatureHeaders.required(request, header);
    if (value.failed()) {
      return value.problem();
    }
    byte[] mac = decoder.apply(value.get());
    if (mac == null) {
      return VerificationResult.rejected(
          Reason.MALFORMED_SIGNATURE, "header " + header + " is not " + format);
    }
    return Candidates.verdict(matcher.anyMatches(List.of(mac), request.body()), header);
  }
}
