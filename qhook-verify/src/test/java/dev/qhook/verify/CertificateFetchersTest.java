package dev.qhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CertificateFetchersTest {
  private static final URI URL = URI.create("https://sns.eu-west-1.amazonaws.com/a.pem");
  private static final X509Certificate CERT = certificate();

  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final CertificateFetcher cached =
      CertificateFetchers.caching(
          url -> {
            calls.incrementAndGet();
            return CERT;
          },
          Duration.ofHours(1),
          clock);

  @Test
  void fetchesOncePerUrlWithinTheTimeToLive() throws Exception {
    assertThat(cached.fetch(URL)).isSameAs(CERT);
    now.set(now.get().plus(Duration.ofMinutes(59)));
    cached.fetch(URL);
    assertThat(calls).hasValue(1);
    cached.fetch(URI.create("https://sns.eu-west-1.amazonaws.com/b.pem"));
    assertThat(calls).hasValue(2);
  }

  @Test
  void fetchesAgainAfterTheTimeToLive() throws Exception {
    cached.fetch(URL);
    now.set(now.get().plus(Duration.ofHours(1)));
    cached.fetch(URL);
    assertThat(calls).hasValue(2);
  }

  private static X509Certificate certificate() {
    try {
      return (X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new java.io.ByteArrayInputStream(
                      Fixtures.resource("sns/qhook-test-signer-cert.pem")));
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException(e);
    }
  }
}
