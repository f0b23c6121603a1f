package dev.qhook.verify;

/**
 * Checks the signature of an incoming webhook request. Implementations are thread-safe, never throw
 * on bad input, and compare MACs in constant time.
 */
@FunctionalInterface
public interface WebhookVerifier {

  /**
   * Verifies {@code request}; a bad or missing signature is a {@link VerificationResult.Rejected}.
   */
  VerificationResult verify(WebhookRequest request);
}
