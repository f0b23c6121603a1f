package dev.qhook.server;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.qhook.QHook;
import dev.qhook.config.ServerConfig;
import dev.qhook.server.internal.http.ReadDeadlines;
import dev.qhook.server.internal.http.RequestExecutor;
import dev.qhook.server.internal.http.RequestPipeline;
import dev.qhook.server.internal.routes.Readiness;
import dev.qhook.server.internal.routes.ServerRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone HTTP server over a {@link QHook} engine: ingest routes, management API, health,
 * readiness and metrics, with the limits of {@code server.*} (docs/reference/http-api.md).
 *
 * <pre>{@code
 * QHookServer server = QHookServer.builder(engine).prometheus(registry).start();
 * ...
 * server.close(); // readiness off, listener stopped, requests in progress finished
 * engine.close();
 * }</pre>
 *
 * <p>The server does not own the engine: start the engine before and close it after the server.
 */
public final class QHookServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QHookServer.class);

  /** How long {@link #close()} lets requests in progress finish. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

  /**
   * How long a client may take to send its request line and headers, from its first byte: 10 s
   * (docs/reference/http-api.md, "Request processing").
   */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  /** How long a client may take to send its body, from the end of its headers: 30 s. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

  private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

  /**
   * Platform threads beyond {@code max_inbound} (Java 17-20): requests whose headers or body are
   * still arriving hold a thread and no {@code max_inbound} place, and excess requests must still
   * find a thread to be answered 503 at once.
   */
  private static final int SPARE_THREADS = 128;

  static {
    // Without it the JDK server leaves Nagle on, which costs about 40 ms per response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // A backstop behind the header and body times: the JDK server closes a connection whose
    // request has not arrived whole this long after its first byte, even one still waiting for a
    // request thread (unless the operator chose otherwise).
    if (System.getProperty(MAX_REQUEST_TIME) == null) {
      System.setProperty(MAX_REQUEST_TIME, "60");
    }
  }

  private final HttpServer http;
  private final ExecutorService executor;
  private final Readiness readiness;
  private final RequestPipeline pipeline;
  private final ReadDeadlines deadlines;
  private volatile boolean stopped;

  private QHookServer(
      HttpServer http,
      ExecutorService executor,
      Readiness readiness,
      RequestPipeline pipeline,
      ReadDeadlines deadlines) {
    this.http = http;
    this.executor = executor;
    this.readiness = readiness;
    this.pipeline = pipeline;
    this.deadlines = deadlines;
  }

  public static Builder builder(QHook engine) {
    return new Builder(engine);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://host:port} for local clients (a wildcard bind becomes 127.0.0.1). */
  public URI localUri() {
    InetSocketAddress address = http.getAddress();
    String host =
        address.getAddress() == null || address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** Requests between their headers and their answer (for tests). */
  int requestsInProgress() {
    return pipeline.inProgress();
  }

  /** Bytes of request bodies read so far by requests still reading them (for tests). */
  long bodyBytesArriving() {
    return pipeline.bodyBytesArriving();
  }

  /** {@code /ready} answers 503 and ingest refuses from now on; the listener keeps running. */
  public void beginShutdown() {
    readiness.beginShutdown();
  }

  /**
   * Turns readiness off, lets requests in progress finish (up to {@code grace}), then closes the
   * listener and its connections. Idempotent.
   *
   * <p>The wait happens before the listener closes because {@code HttpServer.stop(delay)} on Java
   * 17 always sleeps the whole delay; requests arriving meanwhile are refused by readiness.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    beginShutdown();
    try {
      if (!pipeline.awaitIdle(grace)) {
        log.warn("requests still in progress after {}; closing their connections", grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.stop(0);
    executor.shutdownNow();
    deadlines.close();
    log.info("HTTP server stopped");
  }

  @Override
  public void close() {
    stop(DEFAULT_STOP_GRACE);
  }

  /** Options of a server; the listen address defaults to {@code server.host}/{@code port}. */
  public static final class Builder {
    private final QHook engine;
    private @Nullable PrometheusMeterRegistry prometheus;
    private @Nullable String host;
    private @Nullable Integer port;
    private Clock clock = Clock.systemUTC();
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;

    private Builder(QHook engine) {
      this.engine = requireNonNull(engine, "engine");
      if (engine.meterRegistry() instanceof PrometheusMeterRegistry registry) {
        this.prometheus = registry;
      }
    }

    /**
     * The registry {@code /metrics} renders; defaults to the engine's if it is a Prometheus one.
     */
    public Builder prometheus(PrometheusMeterRegistry registry) {
      this.prometheus = requireNonNull(registry, "registry");
      return this;
    }

    /** Overrides {@code server.host}. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    /** Overrides {@code server.port}; 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The clock of the per-IP rate limit windows. Signature timestamps and SNS certificates are
     * checked against the engine's clock ({@link QHook.Builder#clock}).
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a client may take to send its request line and headers, from its first byte; default
     * {@link #DEFAULT_HEADER_TIMEOUT} (10 s). A late client's connection is closed without an
     * answer.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive(timeout, "headerTimeout");
      return this;
    }

    /**
     * How long a client may take to send its body, from the end of its headers; default {@link
     * #DEFAULT_BODY_TIMEOUT} (30 s). A late client's connection is closed without an answer.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder bodyTimeout(Duration timeout) {
      this.bodyTimeout = positive(timeout, "bodyTimeout");
      return this;
    }

    private static Duration positive(Duration timeout, String name) {
      requireNonNull(timeout, name);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + timeout);
      }
      return timeout;
    }

    /** Binds and starts serving. */
    public QHookServer start() {
      ServerConfig config = engine.config().server();
      Readiness readiness = new Readiness(engine);
      ExecutorService executor =
          RequestExecutor.create("qhook-request", config.maxInbound() + SPARE_THREADS);
      ReadDeadlines deadlines = new ReadDeadlines(headerTimeout, bodyTimeout);
      RequestPipeline pipeline =
          new RequestPipeline(
              ServerRoutes.create(engine, readiness, prometheus),
              new RequestPipeline.Limits(
                  config.maxBodySize(),
                  config.maxInbound(),
                  config.ipRateLimit(),
                  config.trustProxy()),
              clock,
              executor,
              deadlines);
      InetSocketAddress address =
          new InetSocketAddress(
              host != null ? host : config.host(), port != null ? port : config.port());
      HttpServer http;
      try {
        http = HttpServer.create(address, 0);
      } catch (IOException e) {
        executor.shutdownNow();
        deadlines.close();
        throw new UncheckedIOException(
            "cannot listen on " + address.getHostString() + ":" + address.getPort(), e);
      }
      http.createContext("/", pipeline);
      http.setExecutor(deadlines.watching(executor));
      http.start();
      QHookServer server = new QHookServer(http, executor, readiness, pipeline, deadlines);
      log.info("listening on {}:{}", address.getHostString(), server.port());
      return server;
    }
  }
}
