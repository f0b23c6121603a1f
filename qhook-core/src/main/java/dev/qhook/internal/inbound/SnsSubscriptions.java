package dev.qhook.internal.inbound;

import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Confirms SNS subscriptions by a GET of the {@code SubscribeURL} through the engine's transport
 * (and so its SSRF guard): the URL must pass the SNS host rule, or under {@code skip_verify} the
 * SSRF guard, checked before the call so that a refused URL is the sender's mistake (400) rather
 * than a failed confirmation (502). Redirects are not followed.
 */
final class SnsSubscriptions {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Predicate<String> hostRule;
  private final SsrfGuard ssrfGuard;
  private final Transport transport;

  /**
   * @param hostRule which URLs of verified sources may be called (the AWS host rule)
   * @param ssrfGuard replaces the host rule under {@code skip_verify}
   */
  SnsSubscriptions(Predicate<String> hostRule, SsrfGuard ssrfGuard, Transport transport) {
    this.hostRule = hostRule;
    this.ssrfGuard = ssrfGuard;
    this.transport = transport;
  }

  /**
   * Calls {@code subscribeUrl}.
   *
   * @return null on a 2xx; otherwise 400 {@code invalid_sns_message} for a URL that may not be
   *     called, 502 {@code subscription_failed} when the call fails or does not answer 2xx
   */
  Received.@Nullable Rejected confirm(String subscribeUrl, boolean skipVerify) {
    URI uri;
    try {
      uri = URI.create(subscribeUrl);
    } catch (IllegalArgumentException e) {
      return invalid("SubscribeURL is not a URL");
    }
    Received.Rejected refused = skipVerify ? ssrfRefusal(uri) : hostRefusal(subscribeUrl);
    if (refused != null) {
      return refused;
    }
    TransportResult result =
        transport.send(new TransportRequest("GET", uri, Map.of(), new byte[0], TIMEOUT));
    if (result instanceof TransportResult.Response response && response.isSuccess()) {
      return null;
    }
    return failed("confirming the subscription failed: " + result.describe());
  }

  private Received.@Nullable Rejected hostRefusal(String subscribeUrl) {
    return hostRule.test(subscribeUrl)
        ? null
        : invalid("SubscribeURL is not an https URL on sns.<region>.amazonaws.com");
  }

  private Received.@Nullable Rejected ssrfRefusal(URI uri) {
    Optional<String> refusal;
    try {
      refusal = ssrfGuard.refusal(uri);
    } catch (UnknownHostException e) {
      return failed("SubscribeURL host is unknown: " + uri.getHost());
    }
    return refusal
        .map(
            r ->
                invalid(
                    "SubscribeURL refused: " + r + " (set server.allow_private_urls to permit)"))
        .orElse(null);
  }

  private static Received.Rejected invalid(String message) {
    return new Received.Rejected(Rejection.INVALID_SNS_MESSAGE, message);
  }

  private static Received.Rejected failed(String message) {
    return new Received.Rejected(Rejection.SUBSCRIPTION_FAILED, message);
  }
}
