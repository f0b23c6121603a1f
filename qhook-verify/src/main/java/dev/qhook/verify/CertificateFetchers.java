package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.internal.CachingCertificateFetcher;
import dev.qhook.verify.internal.HttpCertificateFetcher;
import java.time.Clock;
import java.time.Duration;

/**
 * The standard {@link CertificateFetcher}s: over HTTPS, and cached per URL.
 *
 * <pre>{@code
 * new SnsMessageVerifier(CertificateFetchers.standard(clock), clock);
 * }</pre>
 */
public final class CertificateFetchers {

  /** Timeout of the HTTP fetcher: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #standard()} keeps a certificate: 1 hour. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

  private CertificateFetchers() {}

  /**
   * Fetches over HTTPS with {@code java.net.http}: {@link #DEFAULT_TIMEOUT} (10 s), no redirects,
   * 2xx only, at most 64 KiB.
   */
  public static CertificateFetcher http() {
    return new HttpCertificateFetcher(DEFAULT_TIMEOUT);
  }

  /** Keeps what {@code delegate} returns for {@code ttl} per URL (a bounded cache). */
  public static CertificateFetcher caching(CertificateFetcher delegate, Duration ttl, Clock clock) {
    requireNonNull(delegate, "delegate");
    requireNonNull(ttl, "ttl");
    requireNonNull(clock, "clock");
    return new CachingCertificateFetcher(delegate, ttl, clock);
  }

  /** {@link #http()} cached for {@link #DEFAULT_CACHE_TTL} (1 hour) on {@code clock}. */
  public static CertificateFetcher standard(Clock clock) {
    return caching(http(), DEFAULT_CACHE_TTL, clock);
  }

  /** {@link #standard(Clock)} on the system clock. */
  public static CertificateFetcher standard() {
    return standard(Clock.systemUTC());
  }
}
