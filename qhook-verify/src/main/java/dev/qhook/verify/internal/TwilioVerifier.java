package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Twilio: {@code X-Twilio-Signature: <base64 HMAC-SHA1>} over the URL Twilio called followed, for
 * form bodies, by every parameter name and value in code-point order. Other bodies must be bound by
 * a {@code bodySHA256} query parameter (hex SHA-256 of the raw body) and the URL alone is signed.
 * The URL with its default port added, or its explicit port removed, also matches.
 */
public final class TwilioVerifier implements WebhookVerifier {
  public static final String HEADER = "X-Twilio-Signature";
  static final String BODY_HASH_PARAMETER = "bodySHA256";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private final VerifierSettings settings;
  private final MacMatcher matcher;

  public TwilioVerifier(VerifierSettings settings) {
    this.settings = settings;
    this.matcher = MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA1, settings.secrets());
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    Outcome<String> header = SignatureHeaders.required(request, HEADER);
    if (header.failed()) {
      return header.problem();
    }
    byte[] signature = Encodings.base64(header.get());
    if (signature == null) {
      return VerificationResult.rejected(
          Reason.MALFORMED_SIGNATURE, "header " + HEADER + " is not base64");
    }
    String url = TwilioUrls.signedUrl(settings.publicUrl(), request.url());
    if (url == null) {
      return VerificationResult.rejected(
          Reason.INVALID_REQUEST, "the URL Twilio signed is unknown: configure public_url");
    }
    byte[] body = request.body();
    String suffix;
    if (isForm(request)) {
      List<FormBody.Param> params = FormBody.parse(body);
      if (params == null) {
        return VerificationResult.rejected(
            Reason.INVALID_REQUEST, "form body has a bad escape or is not UTF-8");
      }
      suffix = FormBody.canonical(params);
    } else {
      VerificationResult bodyHash = checkBodyHash(url, body);
      if (!bodyHash.isVerified()) {
        return bodyHash;
      }
      suffix = "";
    }
    boolean matched = false;
    for (String variant : TwilioUrls.variants(url)) {
      byte[] signed = (variant + suffix).getBytes(StandardCharsets.UTF_8);
      matched |= matcher.anyMatches(List.of(signature), signed);
    }
    return Candidates.verdict(matched, HEADER);
  }

  private static boolean isForm(WebhookRequest request) {
    String type = request.header("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals(FORM_TYPE);
  }

  private static VerificationResult checkBodyHash(String url, byte[] body) {
    String expected = TwilioUrls.queryParameter(url, BODY_HASH_PARAMETER);
    if (expected == null || expected.isEmpty()) {
      return VerificationResult.rejected(
          Reason.INVALID_REQUEST,
          "a body that is not a form needs a " + BODY_HASH_PARAMETER + " query parameter");
    }
    byte[] declared = Encodings.hex(expected);
    if (declared == null || !MessageDigest.isEqual(declared, sha256(body))) {
      return VerificationResult.rejected(
          Reason.INVALID_REQUEST, BODY_HASH_PARAMETER + " does not match the body");
    }
    return VerificationResult.verified();
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
