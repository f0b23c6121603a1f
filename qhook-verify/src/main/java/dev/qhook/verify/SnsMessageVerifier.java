package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.internal.Encodings;
import dev.qhook.verify.internal.SnsStringToSign;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;

/**
 * Verifies AWS SNS messages: the certificate URL must pass {@link SnsUrls#isSigningCertificateUrl},
 * the certificate (from the {@link CertificateFetcher}) must be valid now, and the base64 {@code
 * Signature} must be an RSA PKCS#1 v1.5 signature over the canonical string: SHA-1 for {@code
 * SignatureVersion} 1, SHA-256 for 2. Never throws on bad input.
 */
public final class SnsMessageVerifier implements WebhookVerifier {
  private final CertificateFetcher fetcher;
  private final Clock clock;

  /** Verifies with certificates from {@code fetcher}, checking validity at {@code clock}. */
  public SnsMessageVerifier(CertificateFetcher fetcher, Clock clock) {
    this.fetcher = requireNonNull(fetcher, "fetcher");
    this.clock = requireNonNull(clock, "clock");
  }

  /** A verifier with {@link CertificateFetchers#standard()} and the system clock. */
  public static SnsMessageVerifier withDefaults() {
    return new SnsMessageVerifier(CertificateFetchers.standard(), Clock.systemUTC());
  }

  /**
   * Parses and verifies a raw SNS body; a body that is not an SNS message is rejected with {@link
   * Reason#MALFORMED_MESSAGE}.
   */
  @Override
  public VerificationResult verify(WebhookRequest request) {
    SnsMessage.ParseResult parsed = SnsMessage.parse(request.body());
    if (parsed instanceof SnsMessage.Invalid invalid) {
      return VerificationResult.rejected(Reason.MALFORMED_MESSAGE, invalid.problem());
    }
    return verify(((SnsMessage.Parsed) parsed).message());
  }

  /** Verifies an already parsed message. */
  public VerificationResult verify(SnsMessage message) {
    String algorithm =
        switch (message.signatureVersion()) {
          case "1" -> "SHA1withRSA";
          case "2" -> "SHA256withRSA";
          default -> null;
        };
    if (algorithm == null) {
      return VerificationResult.rejected(
          Reason.UNSUPPORTED_SIGNATURE_VERSION,
          "SignatureVersion must be 1 or 2, was '" + abbreviate(message.signatureVersion()) + "'");
    }
    String stringToSign = SnsStringToSign.of(message);
    if (stringToSign == null) {
      return VerificationResult.rejected(
          Reason.MALFORMED_MESSAGE, "unknown SNS Type '" + abbreviate(message.type()) + "'");
    }
    byte[] signature = Encodings.base64(message.signature());
    if (signature == null) {
      return VerificationResult.rejected(Reason.MALFORMED_SIGNATURE, "Signature is not base64");
    }
    if (!SnsUrls.isSigningCertificateUrl(message.signingCertUrl())) {
      return VerificationResult.rejected(
          Reason.UNTRUSTED_CERTIFICATE,
          "SigningCertURL is not an https URL of a .pem file on sns.<region>.amazonaws.com");
    }
    X509Certificate certificate;
    try {
      certificate = fetcher.fetch(URI.create(message.signingCertUrl()));
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (Exception e) {
      return VerificationResult.rejected(
          Reason.UNTRUSTED_CERTIFICATE,
          "signing certificate unusable: " + e.getClass().getSimpleName());
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
      if (verifier.verify(signature)) {
        return VerificationResult.verified();
      }
    } catch (GeneralSecurityException | RuntimeException badSignature) {
      // falls through: a signature the key cannot check is a mismatch
    }
    return VerificationResult.rejected(
        Reason.SIGNATURE_MISMATCH, "SNS Signature does not match the message");
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
