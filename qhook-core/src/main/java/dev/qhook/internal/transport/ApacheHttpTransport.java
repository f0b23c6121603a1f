package dev.qhook.internal.transport;

import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends deliveries with Apache HttpClient 5 (classic, blocking I/O on the calling thread) over
 * pooled keep-alive connections. Never follows redirects, never retries on its own (except once on
 * a kept-alive connection the server had already dropped, see below), keeps no cookies or
 * credentials and does not decompress: the response body is the bytes the server sent.
 *
 * <p>One deadline covers the exchange: connect, send, and receiving the full body, read up to
 * {@link #MAX_RESPONSE_BYTES}. A {@link DeadlineTimer} aborts the request when it passes, so a
 * server that drips its body cannot stretch it; socket timeouts are set to the time remaining as
 * well. The result reports a timeout at the deadline, but a DNS lookup cannot be interrupted: a
 * resolver that does not answer holds the worker until the JDK's own resolver timeout.
 *
 * <p>The client resolves host names only through the {@link SsrfGuard} ({@link
 * GuardedDnsResolver}), so it connects only to addresses the guard accepted.
 *
 * <p>Stale connections: a server may close a kept-alive connection while it idles in the pool. The
 * pool checks connections idle for more than {@link #VALIDATE_AFTER_INACTIVITY} before reuse, and a
 * request that fails on a reused connection before any response arrived (no response, or a reset or
 * broken pipe while sending) is sent once more on a new connection, within the same deadline.
 */
public final class ApacheHttpTransport implements Transport {
  public static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

  /** Pooled connections idle longer than this are closed. */
  static final TimeValue IDLE_EVICTION = TimeValue.ofSeconds(30);

  /** A pooled connection idle longer than this is checked (a 1 ms read) before reuse. */
  static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

  private final SsrfGuard guard;
  private final CloseableHttpClient client;
  private final DeadlineTimer deadlines = new DeadlineTimer("qhook-http-deadline");

  /**
   * @param maxConnections kept-alive connections per destination and in total; give at least the
   *     number of concurrent senders, or they wait for one another
   */
  public ApacheHttpTransport(SsrfGuard guard, int maxConnections) {
    this(guard, maxConnections, DefaultClientTlsStrategy.createSystemDefault());
  }

  ApacheHttpTransport(SsrfGuard guard, int maxConnections, TlsSocketStrategy tls) {
    this.guard = guard;
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new GuardedDnsResolver(guard))
            .setTlsSocketStrategy(tls)
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .disableConnectionState()
            .disableDefaultUserAgent()
            .evictExpiredConnections()
            .evictIdleConnections(IDLE_EVICTION)
            .build();
  }

  @Override
  public void close() {
    // IMMEDIATE also closes connections in use, so a sender still blocked in I/O returns now.
    client.close(CloseMode.IMMEDIATE);
    deadlines.close();
  }

  @Override
  public TransportResult send(TransportRequest request) {
    long started = System.nanoTime();
    Optional<String> refused = guard.uriRefusal(request.uri());
    if (refused.isPresent()) {
      return new TransportResult.NetworkError(refused.get(), elapsedMs(started));
    }
    HttpUriRequestBase http;
    try {
      http = OutgoingRequests.build(request);
    } catch (IllegalArgumentException invalid) {
      return new TransportResult.NetworkError(
          "request not sendable: " + invalid.getMessage(), elapsedMs(started));
    }
    DeadlineTimer.Deadline deadline;
    try {
      deadline = deadlines.arm(http, request.timeout().toNanos());
    } catch (RejectedExecutionException closed) {
      return new TransportResult.NetworkError("transport closed", elapsedMs(started));
    }
    try {
      return exchange(http, request, deadline, started);
    } finally {
      deadline.disarm();
    }
  }

  private TransportResult exchange(
      HttpUriRequestBase http,
      TransportRequest request,
      DeadlineTimer.Deadline deadline,
      long started) {
    for (int attempt = 1; ; attempt++) {
      long remainingMs =
          request.timeout().toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (remainingMs <= 0 || deadline.expired()) {
        return TransportFailures.timeout(request.timeout(), elapsedMs(started));
      }
      HttpClientContext context = HttpClientContext.create();
      context.setRequestConfig(config(Timeout.ofMilliseconds(remainingMs)));
      ClassicHttpResponse response;
      try {
        response = client.executeOpen(null, http, context);
      } catch (IOException | RuntimeException e) {
        if (attempt == 1 && !deadline.expired() && droppedWhenReused(e, context)) {
          http.reset();
          continue;
        }
        return failure(e, request, deadline, started);
      }
      try {
        return read(response, started);
      } catch (IOException | RuntimeException e) {
        // Discard the connection: the rest of an oversized or broken body is never read.
        http.cancel();
        return failure(e, request, deadline, started);
      } finally {
        closeQuietly(response);
      }
    }
  }

  private static TransportResult.Response read(ClassicHttpResponse response, long started)
      throws IOException {
    byte[] body = new byte[0];
    HttpEntity entity = response.getEntity();
    if (entity != null) {
      InputStream in = entity.getContent();
      body = BoundedBody.read(in, entity.getContentLength(), MAX_RESPONSE_BYTES);
      // Closed only after the whole body was read: it hands the connection back to the pool.
      // Closing it early would drain the rest of the body first.
      in.close();
    }
    return new TransportResult.Response(
        response.getCode(), lowercase(response.getHeaders()), body, elapsedMs(started));
  }

  /**
   * Whether the request failed on a connection that had already carried a request, before any
   * response to this one: the server had closed it while it idled in the pool.
   */
  private static boolean droppedWhenReused(Exception e, HttpClientContext context) {
    if (!(e instanceof NoHttpResponseException) && !(e instanceof SocketException)) {
      return false;
    }
    EndpointDetails connection = context.getEndpointDetails();
    return connection != null
        && connection.getRequestCount() > 1
        && connection.getResponseCount() < connection.getRequestCount();
  }

  private static TransportResult failure(
      Exception e, TransportRequest request, DeadlineTimer.Deadline deadline, long started) {
    return TransportFailures.classify(
        e, request.uri().getHost(), request.timeout(), deadline.expired(), elapsedMs(started));
  }

  @SuppressWarnings("deprecation") // the per-request connect timeout is the only per-request one
  private static RequestConfig config(Timeout remaining) {
    return RequestConfig.custom()
        .setConnectionRequestTimeout(remaining)
        .setConnectTimeout(remaining)
        .setResponseTimeout(remaining)
        .setRedirectsEnabled(false)
        .setAuthenticationEnabled(false)
        .setContentCompressionEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setExpectContinueEnabled(false)
        .build();
  }

  private static Map<String, List<String>> lowercase(Header[] headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    for (Header header : headers) {
      lower
          .computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(header.getValue());
    }
    return lower;
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException | RuntimeException ignored) {
      // The connection was released or discarded already; nothing left to clean up.
    }
  }

  private static long elapsedMs(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
