package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turning signature texts into MAC candidates, and a match into a result. */
public final class Candidates {
  private Candidates() {}

  /**
   * The decodable signatures among {@code texts}. Undecodable ones are skipped (another entry may
   * still match); none at all, or none decodable, is a malformed signature.
   */
  public static Outcome<List<byte[]>> decode(
      List<String> texts,
      Function<String, byte @Nullable []> decoder,
      String header,
      String description) {
    if (texts.isEmpty()) {
      return Outcome.reject(Reason.MALFORMED_SIGNATURE, "no " + description + " in " + header);
    }
    List<byte[]> decoded = new ArrayList<>();
    for (String text : texts) {
      byte[] bytes = decoder.apply(text);
      if (bytes != null) {
        decoded.add(bytes);
      }
    }
    if (decoded.isEmpty()) {
      return Outcome.reject(
          Reason.MALFORMED_SIGNATURE, "no " + description + " in " + header + " can be decoded");
    }
    return Outcome.of(decoded);
  }

  /** Verified if {@code matched}, else a mismatch naming the header. */
  public static VerificationResult verdict(boolean matched, String header) {
    return matched
        ? VerificationResult.verified()
        : VerificationResult.rejected(
            Reason.SIGNATURE_MISMATCH,
            "signature in " + header + " matches none of the configured secrets");
  }
}
