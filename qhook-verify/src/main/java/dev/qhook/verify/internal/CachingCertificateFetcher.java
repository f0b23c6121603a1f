package dev.qhook.verify.internal;

import dev.qhook.verify.CertificateFetcher;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps fetched certificates per URL for a time-to-live; at most {@value #MAX_ENTRIES} URLs. */
public final class CachingCertificateFetcher implements CertificateFetcher {
  static final int MAX_ENTRIES = 256;

  private record Entry(X509Certificate certificate, Instant expires) {}

  private final CertificateFetcher delegate;
  private final Duration ttl;
  private final Clock clock;
  private final Map<URI, Entry> entries = new ConcurrentHashMap<>();

  public CachingCertificateFetcher(CertificateFetcher delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public X509Certificate fetch(URI url) throws IOException, CertificateException {
    Instant now = clock.instant();
    Entry cached = entries.get(url);
    if (cached != null && now.isBefore(cached.expires())) {
      return cached.certificate();
    }
    X509Certificate fresh = delegate.fetch(url);
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(url, new Entry(fresh, now.plus(ttl)));
    return fresh;
  }
}
