package dev.qhook.server.internal.routes;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.CertificateFetcher;
import dev.qhook.verify.CertificateFetchers;
import dev.qhook.verify.SnsUrls;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * What the ingest routes check signatures with.
 *
 * @param clock timestamps and certificate validity are checked against it
 * @param certificateFetcher where SNS signing certificates come from
 * @param subscribeUrlRule which SNS {@code SubscribeURL}s may be called when the source verifies
 *     signatures; {@link SnsUrls#isSnsUrl} except in tests
 */
public record VerificationSettings(
    Clock clock, CertificateFetcher certificateFetcher, Predicate<String> subscribeUrlRule) {

  public VerificationSettings {
    requireNonNull(clock, "clock");
    requireNonNull(certificateFetcher, "certificateFetcher");
    requireNonNull(subscribeUrlRule, "subscribeUrlRule");
  }

  /** The production fetcher: HTTPS with a 10 s timeout, cached per URL for an hour. */
  public static CertificateFetcher standardFetcher(Clock clock) {
    return CertificateFetchers.standard(clock);
  }
}
