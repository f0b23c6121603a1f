package dev.qhook.server.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here (docs/reference/http-api.md, "Request processing"): per-IP limit (429),
 * declared body size (413), the body read within its time (else the connection is closed) and up to
 * the size limit (413), route lookup (404/405), {@code max_inbound} (503; not for {@code /health}
 * and {@code /ready}), the route, and error mapping. Errors are always JSON; unexpected exceptions
 * become 500 {@code internal} and are logged once.
 *
 * <p>The {@code max_inbound} place is taken only once the whole request is in, so clients that send
 * slowly hold none: {@link ReadDeadlines} bounds how long they hold a thread.
 *
 * <p>A route may answer later ({@link AsyncRouteHandler}): the request thread then returns at once,
 * and the response is written on a thread of {@code responders} when the answer completes, never on
 * the completing thread (for ingest the group committer, which a client that stops reading must not
 * stall). The request counts as in progress, and holds its {@code max_inbound} place, until then; a
 * long poll ({@link Route#waits()}) gives its place back as soon as its handler has returned.
 */
public final class RequestPipeline implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

  /** Paths the per-IP limit never counts (docs/reference/http-api.md, "Request processing"). */
  private static final Set<String> RATE_LIMIT_EXEMPT = Set.of("/health", "/ready", "/metrics");

  /**
   * Paths {@code max_inbound} never refuses, so that probes answer under load (docs/reference/
   * http-api.md, "Request processing"): both are cheap, {@code /health} reading the database at
   * most once a second.
   */
  private static final Set<String> INBOUND_EXEMPT = Set.of("/health", "/ready");

  /**
   * @param maxBodySize bytes ({@code server.max_body_size})
   * @param maxInbound concurrent requests ({@code server.max_inbound})
   * @param ipRateLimit requests per second and client IP, 0 = off
   */
  public record Limits(long maxBodySize, int maxInbound, int ipRateLimit, boolean trustProxy) {}

  private final RouteTable routes;
  private final Limits limits;
  private final InboundLimiter inbound;
  private final IpRateLimiter ipLimiter;
  private final Executor responders;
  private final ReadDeadlines deadlines;
  private final BodyBudget bodyBudget;
  private final AtomicInteger active = new AtomicInteger();
  private final Object idleMonitor = new Object();
  private volatile boolean awaitingIdle;

  /**
   * @param responders where responses that complete later are written (the request executor)
   * @param deadlines the header and body times of the exchanges this pipeline handles
   */
  public RequestPipeline(
      RouteTable routes, Limits limits, Clock clock, Executor responders, ReadDeadlines deadlines) {
    this.routes = routes;
    this.deadlines = deadlines;
    this.limits = limits;
    this.inbound = new InboundLimiter(limits.maxInbound());
    this.bodyBudget = new BodyBudget((long) limits.maxInbound() * limits.maxBodySize());
    this.ipLimiter = new IpRateLimiter(limits.ipRateLimit(), clock);
    this.responders = responders;
  }

  /**
   * @throws IOException when the request could not be read (client gone, or out of time): the
   *     connection is closed without an answer, and the JDK server forgets it
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    active.incrementAndGet();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    CompletableFuture<Response> answer;
    try {
      answer = answer(exchange, method, path);
    } catch (UncheckedIOException e) {
      finish(exchange, null, e);
      throw e.getCause();
    } catch (Error e) {
      finish(exchange, null, null);
      throw e;
    }
    if (answer.isDone()) {
      respond(exchange, method, path, answer);
    } else {
      answer.whenComplete((response, failure) -> respondLater(exchange, method, path, answer));
    }
  }

  /** Runs on the thread completing the answer: hands the writing to a request thread. */
  private void respondLater(
      HttpExchange exchange, String method, String path, CompletableFuture<Response> answer) {
    try {
      responders.execute(() -> respond(exchange, method, path, answer));
    } catch (RejectedExecutionException stopped) {
      finish(exchange, null, new IOException("server stopped before the answer was written"));
    } catch (RuntimeException | Error e) { // e.g. no thread could be started: still close it
      log.warn("{} {}: the answer could not be handed to a request thread: {}", method, path, e);
      finish(exchange, null, null);
    }
  }

  private void respond(
      HttpExchange exchange, String method, String path, CompletableFuture<Response> answer) {
    Response response;
    try {
      response = answer.join();
    } catch (RuntimeException e) {
      Throwable failure = ErrorMapping.unwrap(e);
      if (failure instanceof UncheckedIOException io) {
        finish(exchange, null, io);
        return;
      }
      response = ErrorMapping.of(method, path, failure);
    }
    finish(exchange, response, null);
  }

  /** Writes the response (none when the connection failed) and counts the request out. */
  private void finish(HttpExchange exchange, @Nullable Response response, @Nullable Exception io) {
    try (exchange) {
      if (io != null) {
        log.debug("client connection failed: {}", io.getMessage());
      } else if (response != null) {
        ResponseWriter.write(exchange, response);
      }
    } catch (IOException | UncheckedIOException e) {
      log.debug("client connection failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("writing the response failed unexpectedly", e);
    } finally {
      leave();
    }
  }

  private void leave() {
    if (active.decrementAndGet() == 0 && awaitingIdle) {
      synchronized (idleMonitor) {
        idleMonitor.notifyAll();
      }
    }
  }

  /** Requests between their headers and their answer. */
  public int inProgress() {
    return active.get();
  }

  /** Bytes of bodies read so far by requests still reading them. */
  public long bodyBytesArriving() {
    return bodyBudget.held();
  }

  /**
   * Waits until no request is in progress (answers that complete later included), at most {@code
   * timeout}; true when idle.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    awaitingIdle = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idleMonitor) {
      while (active.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idleMonitor, left);
      }
    }
    return true;
  }

  /** The route's answer; a failure to answer at all becomes a failed future. */
  private CompletableFuture<Response> answer(HttpExchange exchange, String method, String path) {
    try {
      return process(exchange, method, path);
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Response> process(HttpExchange exchange, String method, String path) {
    boolean counted = ipLimiter.enabled() && !RATE_LIMIT_EXEMPT.contains(path);
    String countedIp = counted ? clientIp(exchange) : null;
    if (countedIp != null && !ipLimiter.tryAcquire(countedIp)) {
      throw ApiException.rateLimited();
    }
    long declaredLength = declaredLength(exchange);
    if (declaredLength > limits.maxBodySize()) {
      throw ApiException.payloadTooLarge(limits.maxBodySize());
    }
    byte[] body = readBody(exchange, declaredLength);
    RouteTable.Match match = routes.match(method, path);
    boolean limited = !INBOUND_EXEMPT.contains(path);
    if (limited && !inbound.tryEnter()) {
      throw ApiException.overloaded();
    }
    CompletableFuture<Response> answer;
    try {
      Request request =
          new Request(
              method,
              path,
              match.params(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body,
              countedIp != null ? () -> countedIp : () -> clientIp(exchange));
      answer = match.route().handler().handle(request);
    } catch (RuntimeException | Error e) {
      if (limited) {
        inbound.exit();
      }
      throw e;
    }
    if (!limited) {
      return answer;
    }
    if (answer.isDone() || match.route().waits()) {
      inbound.exit();
    } else {
      answer.whenComplete((response, failure) -> inbound.exit());
    }
    return answer;
  }

  /**
   * Reads the body within its time.
   *
   * @throws UncheckedIOException when the client is gone or out of time (the header time included)
   * @throws ApiException 413 when the body is longer than {@code server.max_body_size}; 503 when
   *     bodies still arriving would hold more than their {@link BodyBudget}
   */
  private byte[] readBody(HttpExchange exchange, long declaredLength) {
    if (!deadlines.startBody()) {
      throw outOfTime("headers");
    }
    byte[] body;
    try (BodyBudget.Charged in = bodyBudget.charge(exchange.getRequestBody())) {
      body = BoundedBody.read(in, limits.maxBodySize(), declaredLength);
    } catch (UncheckedIOException e) {
      if (!deadlines.endBody()) {
        throw outOfTime("body");
      }
      throw e;
    }
    // On 413 or 503 the body time keeps running: the server drains some of the rest while
    // answering.
    if (!deadlines.endBody()) {
      throw outOfTime("body");
    }
    return body;
  }

  private static UncheckedIOException outOfTime(String part) {
    return new UncheckedIOException(
        new InterruptedIOException("request " + part + " not received in time"));
  }

  private String clientIp(HttpExchange exchange) {
    return ClientAddress.of(
        exchange.getRemoteAddress(), exchange.getRequestHeaders(), limits.trustProxy());
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid Content-Length '" + length + "'");
    }
  }
}
