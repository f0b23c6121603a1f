package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of checking one request: {@link Verified} or {@link Rejected}. A bad signature is an
 * expected outcome, not an exception.
 */
public sealed interface VerificationResult {

  /** True for {@link Verified}. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /** The shared {@link Verified} instance. */
  static VerificationResult verified() {
    return Verified.INSTANCE;
  }

  /** A {@link Rejected} result. */
  static Rejected rejected(Reason reason, String message) {
    return new Rejected(reason, message);
  }

  /** The request carries a valid signature under one of the configured secrets. */
  record Verified() implements VerificationResult {
    static final Verified INSTANCE = new Verified();
  }

  /**
   * The request failed verification.
   *
   * @param reason the class of failure, for metrics and the HTTP status
   * @param message a human-readable explanation naming the header or field; never a secret
   */
  record Rejected(Reason reason, String message) implements VerificationResult {
    /** Validates that both parts are present. */
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  /** Why a request was rejected. */
  enum Reason {
    /** A required signature header (or SNS field) is absent or empty. */
    MISSING_SIGNATURE,
    /** A signature header is present but cannot be parsed, or is too large. */
    MALFORMED_SIGNATURE,
    /** The signature is well-formed but matches under none of the secrets. */
    SIGNATURE_MISMATCH,
    /** The signed timestamp is further than the tolerance from now, in either direction. */
    TIMESTAMP_OUT_OF_TOLERANCE,
    /**
     * The request is inconsistent with what the scheme needs: a Twilio body hash that does not
     * match, an unreadable form body, a URL that cannot be determined.
     */
    INVALID_REQUEST,
    /** An SNS body that is not a JSON object with the required string fields (HTTP 400). */
    MALFORMED_MESSAGE,
    /** An SNS {@code SignatureVersion} other than 1 or 2. */
    UNSUPPORTED_SIGNATURE_VERSION,
    /**
     * The SNS signing certificate is not trustworthy: its URL is not an AWS SNS https URL ending in
     * {@code .pem}, it could not be fetched or parsed, or it is not valid now.
     */
    UNTRUSTED_CERTIFICATE
  }
}
