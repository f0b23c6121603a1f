package dev.qhook.server.internal.routes;

import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Confirms SNS subscriptions by a GET of the {@code SubscribeURL} (SPEC §8.2): the URL must pass
 * the SNS host rule, or under {@code skip_verify} the SSRF guard. Redirects are not followed.
 */
public final class SnsSubscriptions implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Confirmations are rare: a few connections are plenty. */
  private static final int CONNECTIONS = 4;

  private final Predicate<String> hostRule;
  private final SsrfGuard ssrfGuard;

  /** For URLs the SNS host rule passed: any address. */
  private final Transport snsTransport;

  /** Under {@code skip_verify}: connects only to addresses the SSRF guard passed. */
  private final Transport guardedTransport;

  public SnsSubscriptions(Predicate<String> hostRule, boolean allowPrivateUrls) {
    this.hostRule = hostRule;
    this.ssrfGuard =
        new SsrfGuard(allowPrivateUrls, InetAddress::getAllByName, PrivateAddresses::isPrivate);
    this.snsTransport =
        new ApacheHttpTransport(
            new SsrfGuard(true, InetAddress::getAllByName, PrivateAddresses::isPrivate),
            CONNECTIONS);
    this.guardedTransport = new ApacheHttpTransport(ssrfGuard, CONNECTIONS);
  }

  /**
   * Calls {@code subscribeUrl}; returns normally on a 2xx.
   *
   * @param skipVerify the source's {@code skip_verify}: the SSRF guard replaces the host rule
   * @throws ApiException 400 {@code invalid_sns_message} for a URL that may not be called, 502
   *     {@code subscription_failed} when the call fails or does not answer 2xx
   */
  void confirm(String subscribeUrl, boolean skipVerify) {
    URI uri = allowedUri(subscribeUrl, skipVerify);
    Transport transport = skipVerify ? guardedTransport : snsTransport;
    TransportResult result =
        transport.send(new TransportRequest("GET", uri, Map.of(), new byte[0], TIMEOUT));
    if (result instanceof TransportResult.Response response && response.isSuccess()) {
      return;
    }
    String problem;
    if (result instanceof TransportResult.Response response) {
      problem = "status " + response.status();
    } else if (result instanceof TransportResult.NetworkError error) {
      problem = error.message();
    } else {
      problem = "timed out";
    }
    throw ApiException.subscriptionFailed("confirming the subscription failed: " + problem);
  }

  private URI allowedUri(String subscribeUrl, boolean skipVerify) {
    URI uri;
    try {
      uri = URI.create(subscribeUrl);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidSnsMessage("SubscribeURL is not a URL");
    }
    if (!skipVerify) {
      if (!hostRule.test(subscribeUrl)) {
        throw ApiException.invalidSnsMessage(
            "SubscribeURL is not an https URL on sns.<region>.amazonaws.com");
      }
      return uri;
    }
    Optional<String> refusal;
    try {
      refusal = ssrfGuard.refusal(uri);
    } catch (UnknownHostException e) {
      throw ApiException.subscriptionFailed("SubscribeURL host is unknown: " + uri.getHost());
    }
    if (refusal.isPresent()) {
      throw ApiException.invalidSnsMessage(
          "SubscribeURL refused: " + refusal.get() + " (set server.allow_private_urls to permit)");
    }
    return uri;
  }

  @Override
  public void close() {
    snsTransport.close();
    guardedTransport.close();
  }
}
