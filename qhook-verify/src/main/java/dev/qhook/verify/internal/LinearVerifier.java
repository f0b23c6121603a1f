package dev.qhook.verify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Linear: {@code Linear-Signature: <hex HMAC-SHA256 of the body>}; when the body is a JSON object
 * with {@code webhookTimestamp} (Unix milliseconds), that must be within the tolerance.
 */
public final class LinearVerifier implements WebhookVerifier {
  public static final String HEADER = "Linear-Signature";
  static final String TIMESTAMP_FIELD = "webhookTimestamp";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VerifierSettings settings;
  private final BodyMac check;

  public LinearVerifier(VerifierSettings settings) {
    this.settings = settings;
    this.check =
        new BodyMac(
            HEADER,
            Encodings::hex,
            "hex",
            MacMatcher.utf8Secrets(MacAlgorithm.HMAC_SHA256, settings.secrets()));
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    VerificationResult signature = check.verify(request);
    if (!signature.isVerified()) {
      return signature;
    }
    JsonNode timestamp = timestampField(request.body());
    if (timestamp == null) {
      return signature;
    }
    Outcome<Instant> signedAt =
        timestamp.canConvertToExactIntegral() || timestamp.isTextual()
            ? Timestamps.epochMillis(timestamp.asText(), TIMESTAMP_FIELD)
            : Outcome.reject(Reason.INVALID_REQUEST, TIMESTAMP_FIELD + " is not a number");
    if (signedAt.failed()) {
      return signedAt.problem();
    }
    Rejected stale = Timestamps.outsideTolerance(signedAt.get(), settings, TIMESTAMP_FIELD);
    return stale != null ? stale : signature;
  }

  private static @Nullable JsonNode timestampField(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.isObject() ? root.get(TIMESTAMP_FIELD) : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }
}
