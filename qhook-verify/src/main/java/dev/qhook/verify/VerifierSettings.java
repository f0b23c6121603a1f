package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a verifier is configured with.
 *
 * @param secrets the secrets to try, in order; a request passes if any one matches (rotation).
 *     Never empty, no empty strings.
 * @param tolerance the allowed difference between a signed timestamp and now, past or future, for
 *     the timestamped schemes (stripe, paddle, standard-webhooks, linear); default {@link
 *     #DEFAULT_TOLERANCE} (300 s)
 * @param clock the clock timestamps are checked against; default the system UTC clock
 * @param publicUrl for twilio: the URL configured at Twilio, without query string; the request's
 *     own raw query string is appended. Null means the request URL is used as received.
 * @param hmacHeader for the custom {@code hmac} scheme: the header carrying the signature; default
 *     {@link #DEFAULT_HMAC_HEADER}
 */
public record VerifierSettings(
    List<String> secrets,
    Duration tolerance,
    Clock clock,
    @Nullable String publicUrl,
    String hmacHeader) {

  /** The default timestamp tolerance: 300 seconds. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  /** The default header of the custom {@code hmac} scheme: {@code X-Webhook-Signature}. */
  public static final String DEFAULT_HMAC_HEADER = "X-Webhook-Signature";

  /** Validates and copies. */
  public VerifierSettings {
    requireNonNull(secrets, "secrets");
    secrets = List.copyOf(secrets);
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("secrets: at least one secret is required");
    }
    for (int i = 0; i < secrets.size(); i++) {
      if (secrets.get(i).isEmpty()) {
        throw new IllegalArgumentException("secrets[" + i + "]: must not be empty");
      }
    }
    requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance: must not be negative, was " + tolerance);
    }
    requireNonNull(clock, "clock");
    requireNonNull(hmacHeader, "hmacHeader");
    if (hmacHeader.isBlank()) {
      throw new IllegalArgumentException("hmacHeader: must not be blank");
    }
  }

  /** Settings with these secrets and every default. */
  public static VerifierSettings of(String... secrets) {
    return builder().secrets(List.of(secrets)).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VerifierSettings}; {@link #build()} validates. */
  public static final class Builder {
    private List<String> secrets = List.of();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private @Nullable String publicUrl;
    private String hmacHeader = DEFAULT_HMAC_HEADER;

    private Builder() {}

    /** The secrets to try; any may match. */
    public Builder secrets(List<String> secrets) {
      this.secrets = requireNonNull(secrets, "secrets");
      return this;
    }

    /** The secrets to try; any may match. */
    public Builder secrets(String... secrets) {
      return secrets(List.of(secrets));
    }

    /** The timestamp tolerance; default 300 s. */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** The clock timestamps are checked against. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** For twilio: the URL configured at Twilio, without query string. */
    public Builder publicUrl(@Nullable String publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    /** For the custom hmac scheme: the signature header; default {@code X-Webhook-Signature}. */
    public Builder hmacHeader(String hmacHeader) {
      this.hmacHeader = requireNonNull(hmacHeader, "hmacHeader");
      return this;
    }

    /** Validates and builds. */
    public VerifierSettings build() {
      return new VerifierSettings(secrets, tolerance, clock, publicUrl, hmacHeader);
    }
  }
}
