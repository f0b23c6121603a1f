package dev.qhook.testkit;

import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifiers;
import java.util.Arrays;
import java.util.List;

/**
 * Checks what qhook sent to an outbound endpoint the way the endpoint's owner would: with the
 * Standard Webhooks verifier of qhook-verify and the endpoint's secret. For example:
 *
 * <pre>{@code
 * RecordedRequest got = receiver.awaitDeliveries(1, Duration.ofSeconds(5)).get(0);
 * assertThat(SignedDeliveries.verify(got, endpoint.secret()))
 *     .isInstanceOf(VerificationResult.Verified.class);
 * }</pre>
 */
public final class SignedDeliveries {
  private SignedDeliveries() {}

  /**
   * Verifies the request's {@code webhook-*} headers with any of the secrets, at the system clock
   * (5 minutes' tolerance).
   */
  public static VerificationResult verify(RecordedRequest request, String... secrets) {
    return WebhookVerifiers.forScheme("standard-webhooks", VerifierSettings.of(secrets))
        .verify(WebhookRequest.of(request.body(), request.headers()));
  }

  /** Whether the request verifies with the secret. */
  public static boolean verifies(RecordedRequest request, String secret) {
    return verify(request, secret) instanceof VerificationResult.Verified;
  }

  /** The {@code v1,...} signatures of the request's {@code webhook-signature} header. */
  public static List<String> signatures(RecordedRequest request) {
    String header = request.header("webhook-signature");
    return header == null ? List.of() : Arrays.asList(header.trim().split(" +"));
  }
}
