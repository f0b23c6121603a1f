package dev.qhook.internal.inbound;

import dev.qhook.verify.CertificateFetcher;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps an unauthenticated flood of SNS posts from making the engine fetch certificates on every
 * request (docs/reference/http-api.md, "POST /sns/{source}"): a failed fetch is remembered per URL
 * for {@link #FAILURE_TTL} (60 s) and answered from memory meanwhile, and concurrent fetches of one
 * URL share a single call. Bounded: at most {@value #MAX_ENTRIES} failures are remembered.
 */
final class RememberedFailures implements CertificateFetcher {
  /** How long a failed fetch is answered from memory: 60 seconds. */
  static final Duration FAILURE_TTL = Duration.ofSeconds(60);

  static final int MAX_ENTRIES = 1024;

  private record Failure(String message, Instant until) {}

  private final CertificateFetcher delegate;
  private final Clock clock;
  private final Map<URI, Failure> failures = new ConcurrentHashMap<>();
  private final Map<URI, CompletableFuture<X509Certificate>> inFlight = new ConcurrentHashMap<>();

  RememberedFailures(CertificateFetcher delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public X509Certificate fetch(URI url) throws IOException, CertificateException {
    Failure failed = failures.get(url);
    if (failed != null && clock.instant().isBefore(failed.until())) {
      throw new IOException(failed.message());
    }
    CompletableFuture<X509Certificate> mine = new CompletableFuture<>();
    CompletableFuture<X509Certificate> running = inFlight.putIfAbsent(url, mine);
    if (running != null) {
      return outcomeOf(running);
    }
    try {
      X509Certificate certificate = delegate.fetch(url);
      failures.remove(url);
      mine.complete(certificate);
      return certificate;
    } catch (IOException | CertificateException | RuntimeException e) {
      remember(url, e);
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(url, mine);
    }
  }

  private void remember(URI url, Exception e) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_ENTRIES) {
      failures.values().removeIf(f -> !now.isBefore(f.until()));
      if (failures.size() >= MAX_ENTRIES) {
        failures.clear();
      }
    }
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    failures.put(url, new Failure(message, now.plus(FAILURE_TTL)));
  }

  /** Waits for another caller's fetch of the same URL and shares its outcome. */
  private static X509Certificate outcomeOf(CompletableFuture<X509Certificate> running)
      throws IOException, CertificateException {
    try {
      return running.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      if (cause instanceof CertificateException ce) {
        throw new CertificateException(ce.getMessage(), ce);
      }
      throw new IOException("fetching the certificate failed: " + cause, cause);
    }
  }
}
