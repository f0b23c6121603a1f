package dev.qhook.server.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.qhook.StoreException;
import dev.qhook.UnavailableException;
import dev.qhook.UnknownSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here: per-IP limit (429), declared body size (413), {@code max_inbound}
 * (503), bounded body read (413), route lookup (404/405), the route, and error mapping. Errors are
 * always JSON; unexpected exceptions become 500 {@code internal} and are logged once.
 */
public final class RequestPipeline implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

  /** Paths the per-IP limit never counts (SPEC §11). */
  private static final Set<String> RATE_LIMIT_EXEMPT = Set.of("/health", "/ready", "/metrics");

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
  private int active;

  public RequestPipeline(RouteTable routes, Limits limits, Clock clock) {
    this.routes = routes;
    this.limits = limits;
    this.inbound = new InboundLimiter(limits.maxInbound());
    this.ipLimiter = new IpRateLimiter(limits.ipRateLimit(), clock);
  }

  @Override
  public void handle(HttpExchange exchange) {
    enter();
    try (exchange) {
      ResponseWriter.write(exchange, answer(exchange));
    } catch (IOException | UncheckedIOException e) {
      log.debug("client connection failed: {}", e.getMessage());
    } finally {
      leave();
    }
  }

  private synchronized void enter() {
    active++;
  }

  private synchronized void leave() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  /** Waits until no request is being handled, at most {@code timeout}; true when idle. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private Response answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    try {
      return process(exchange, method, path);
    } catch (ApiException e) {
      return Response.error(e);
    } catch (UnavailableException e) {
      return Response.error(ApiException.unavailable(e.getMessage()));
    } catch (StoreException e) {
      log.warn("{} {}: database error: {}", method, path, e.getMessage());
      return Response.error(ApiException.unavailable("database error, try again"));
    } catch (UnknownSourceException e) {
      return Response.error(ApiException.notFound(e.getMessage()));
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("{} {} failed unexpectedly", method, path, e);
      return Response.error(ApiException.internal());
    }
  }

  private Response process(HttpExchange exchange, String method, String path) {
    String clientIp =
        ClientAddress.of(
            exchange.getRemoteAddress(), exchange.getRequestHeaders(), limits.trustProxy());
    if (!RATE_LIMIT_EXEMPT.contains(path) && !ipLimiter.tryAcquire(clientIp)) {
      throw ApiException.rateLimited();
    }
    if (declaredLength(exchange) > limits.maxBodySize()) {
      throw ApiException.payloadTooLarge(limits.maxBodySize());
    }
    if (!inbound.tryEnter()) {
      throw ApiException.overloaded();
    }
    try {
      byte[] body = BoundedBody.read(exchange.getRequestBody(), limits.maxBodySize());
      RouteTable.Match match = routes.match(method, path);
      Request request =
          new Request(
              method,
              path,
              match.params(),
              QueryString.parse(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders(),
              body,
              clientIp);
      return match.route().handler().handle(request);
    } finally {
      inbound.exit();
    }
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
