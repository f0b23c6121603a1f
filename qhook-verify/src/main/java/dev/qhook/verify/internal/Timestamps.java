package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import dev.qhook.verify.VerifierSettings;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Parsing signed timestamps and checking them against the tolerance. */
public final class Timestamps {
  private static final int MAX_DIGITS = 15;

  private Timestamps() {}

  /** Unix seconds written as decimal digits; anything else is a malformed signature. */
  public static Outcome<Instant> epochSeconds(String text, String what) {
    Long value = digits(text);
    return value == null
        ? Outcome.reject(Reason.MALFORMED_SIGNATURE, what + " is not a Unix timestamp")
        : Outcome.of(Instant.ofEpochSecond(value));
  }

  /** Unix milliseconds written as decimal digits. */
  public static Outcome<Instant> epochMillis(String text, String what) {
    Long value = digits(text);
    return value == null
        ? Outcome.reject(Reason.MALFORMED_SIGNATURE, what + " is not a Unix timestamp")
        : Outcome.of(Instant.ofEpochMilli(value));
  }

  /** Null if {@code |now - signedAt| <= tolerance}, else the rejection. */
  public static @Nullable Rejected outsideTolerance(
      Instant signedAt, VerifierSettings settings, String what) {
    Instant now = settings.clock().instant();
    Duration skew = Duration.between(signedAt, now).abs();
    if (skew.compareTo(settings.tolerance()) <= 0) {
      return null;
    }
    return VerificationResult.rejected(
        Reason.TIMESTAMP_OUT_OF_TOLERANCE,
        what
            + " is "
            + skew.toSeconds()
            + " s from now, more than the tolerance of "
            + settings.tolerance().toSeconds()
            + " s");
  }

  private static @Nullable Long digits(String text) {
    if (text.isEmpty() || text.length() > MAX_DIGITS) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Long.parseLong(text);
  }
}
