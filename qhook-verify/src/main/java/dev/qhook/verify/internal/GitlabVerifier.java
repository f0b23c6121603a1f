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

/**
 * GitLab: {@code X-Gitlab-Token} must equal one of the secrets. Both sides are hashed with SHA-256
 * before a constant-time comparison, so neither content nor length leaks through timing.
 */
public final class GitlabVerifier implements WebhookVerifier {
  public static final String HEADER = "X-Gitlab-Token";

  private final List<byte[]> secretDigests;

  public GitlabVerifier(VerifierSettings settings) {
    this.secretDigests = settings.secrets().stream().map(GitlabVerifier::sha256).toList();
  }

  @Override
  public VerificationResult verify(WebhookRequest request) {
    Outcome<String> token = SignatureHeaders.required(request, HEADER);
    if (token.failed()) {
      return token.problem();
    }
    byte[] presented = sha256(token.get());
    boolean matched = false;
    for (byte[] secret : secretDigests) {
      matched |= MessageDigest.isEqual(secret, presented);
    }
    return matched
        ? VerificationResult.verified()
        : VerificationResult.rejected(
            Reason.SIGNATURE_MISMATCH, HEADER + " matches none of the configured secrets");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
