package dev.qhook.verify;

import dev.qhook.verify.internal.CachingCertificateFetcher;
import dev.qhook.verify.internal.HttpCertificateFetcher;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;

/**
 * Fetches the X.509 certificate an SNS message was signed with. Replaceable, so tests and emulators
 * can serve fixed certificates; the URL has already passed the SNS host rule when this is called.
 */
@FunctionalInterface
public interface CertificateFetcher {

  /** Timeout of the default HTTP fetcher: 10 seconds. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #standard()} keeps a certificate: 1 hour. */
  Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

  /** The PEM certificate at {@code url}. */
  X509Certificate fetch(URI url) throws IOException, CertificateException;

  /**
   * Fetches over HTTPS with {@code java.net.http}: {@link #DEFAULT_TIMEOUT}, no redirects, 2xx
   * only, at most 64 KiB.
   */
  static CertificateFetcher http() {
    return new HttpCertificateFetcher(DEFAULT_TIMEOUT);
  }

  /** Keeps what {@code delegate} returns for {@code ttl} per URL (a bounded cache). */
  static CertificateFetcher caching(CertificateFetcher delegate, Duration ttl, Clock clock) {
    return new CachingCertificateFetcher(delegate, ttl, clock);
  }

  /** {@link #http()} cached for {@link #DEFAULT_CACHE_TTL} on the system clock. */
  static CertificateFetcher standard() {
    return caching(http(), DEFAULT_CACHE_TTL, Clock.systemUTC());
  }
}
