package dev.qhook.internal.transport;

import dev.qhook.internal.engine.DeliveryExecutors;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends deliveries with {@code java.net.http}: never follows redirects, times the whole exchange
 * (connect, send, receive the full body), reads at most {@link #MAX_RESPONSE_BYTES} of a response,
 * and asks the SSRF guard before each request.
 */
public final class HttpClientTransport implements Transport {
  public static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
  private static final java.util.Set<String> RESTRICTED =
      java.util.Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final ExecutorService clientExecutor;
  private final SsrfGuard guard;

  public HttpClientTransport(SsrfGuard guard) {
    this.guard = guard;
    // Without an executor of its own, on a machine with few cores the JDK completes every response
    // on a new thread (CompletableFuture's fallback when the common pool has one thread).
    this.clientExecutor =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            DeliveryExecutors.named("qhook-http"));
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(clientExecutor)
            .build();
  }

  @Override
  public void close() {
    clientExecutor.shutdownNow();
  }

  @Override
  public TransportResult send(TransportRequest request) {
    long started = System.nanoTime();
    try {
      Optional<String> refused = guard.refusal(request.uri());
      if (refused.isPresent()) {
        return new TransportResult.NetworkError(refused.get(), elapsedMs(started));
      }
    } catch (UnknownHostException e) {
      return new TransportResult.NetworkError(
          "unknown host " + request.uri().getHost(), elapsedMs(started));
    }
    CompletableFuture<HttpResponse<byte[]>> call;
    try {
      call = client.sendAsync(build(request), info -> BoundedBody.subscriber(MAX_RESPONSE_BYTES));
    } catch (RuntimeException invalid) {
      // HttpClient refuses some header names and values (control characters, restricted names).
      return new TransportResult.NetworkError(
          "request not sendable: " + invalid.getMessage(), elapsedMs(started));
    }
    // The timeout covers the DNS check above too.
    long remainingNanos = request.timeout().toNanos() - (System.nanoTime() - started);
    try {
      HttpResponse<byte[]> response = call.get(Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
      return new TransportResult.Response(
          response.statusCode(),
          lowercase(response.headers().map()),
          response.body(),
          elapsedMs(started));
    } catch (TimeoutException e) {
      call.cancel(true);
      return new TransportResult.Timeout(
          "timed out after " + request.timeout().toMillis() + " ms", elapsedMs(started));
    } catch (ExecutionException e) {
      return failure(e.getCause() == null ? e : e.getCause(), request, started);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return new TransportResult.NetworkError("interrupted", elapsedMs(started));
    }
  }

  private static TransportResult failure(Throwable cause, TransportRequest request, long started) {
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      return new TransportResult.Timeout(
          "timed out after " + request.timeout().toMillis() + " ms", elapsedMs(started));
    }
    String message = cause.getMessage();
    if (cause instanceof BoundedBody.TooLargeException) {
      return new TransportResult.NetworkError(message, elapsedMs(started));
    }
    String kind = cause instanceof IOException ? "connection failed" : "request failed";
    String text =
        message == null || message.isBlank()
            ? kind + " (" + cause.getClass().getSimpleName() + ")"
            : kind + ": " + message;
    return new TransportResult.NetworkError(text, elapsedMs(started));
  }

  private static HttpRequest build(TransportRequest request) {
    HttpRequest.BodyPublisher body =
        request.body().length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.timeout())
            .method(request.method(), body);
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    return builder.build();
  }

  private static Map<String, List<String>> lowercase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  private static long elapsedMs(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
