package dev.qhook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Store;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * An engine on an in-memory (or given) store and a server on a free loopback port, plus a client.
 */
final class RunningServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final QHook engine;
  final QHookServer server;
  final Store store;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<String> describedAnswers = ConcurrentHashMap.newKeySet();

  private RunningServer(QHook engine, QHookServer server, Store store) {
    this.engine = engine;
    this.server = server;
    this.store = store;
  }

  static RunningServer start(TestConfig config) {
    return start(config, new InMemoryStore(), true, Clock.systemUTC());
  }

  static RunningServer start(TestConfig config, Store store, boolean startEngine, Clock clock) {
    QHook engine =
        QHook.builder()
            .config(config.build())
            .store(store)
            .meterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .build();
    if (startEngine) {
      engine.start();
    }
    QHookServer server = QHookServer.builder(engine).port(0).clock(clock).start();
    return new RunningServer(engine, server, store);
  }

  /** A server on a free loopback port over {@code engine} (started or not), which it closes. */
  static RunningServer serve(QHook engine, Store store, Clock clock) {
    QHookServer server = QHookServer.builder(engine).port(0).host("127.0.0.1").clock(clock).start();
    return new RunningServer(engine, server, store);
  }

  /** A started engine on an in-memory store with {@code config}, both builders adjustable. */
  static RunningServer start(
      QHookConfig config,
      UnaryOperator<QHook.Builder> engineOptions,
      UnaryOperator<QHookServer.Builder> serverOptions) {
    Store store = new InMemoryStore();
    QHook engine =
        engineOptions
            .apply(
                QHook.builder()
                    .config(config)
                    .store(store)
                    .meterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
            .build();
    engine.start();
    QHookServer server;
    try {
      server = serverOptions.apply(QHookServer.builder(engine).port(0).host("127.0.0.1")).start();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return new RunningServer(engine, server, store);
  }

  /** Every stored event of {@code source}, oldest first. */
  List<Event> events(String source) {
    return engine
        .admin()
        .events(new EventQuery(source, null, null, null, null, EventQuery.MAX_LIMIT, false))
        .items();
  }

  /** Every stored event, oldest first. */
  List<Event> allEvents() {
    return engine
        .admin()
        .events(new EventQuery(null, null, null, null, null, EventQuery.MAX_LIMIT, false))
        .items();
  }

  /** The value of {@code qhook_verification_failures_total{source}}. */
  double verificationFailures(String source) {
    var counter =
        engine.meterRegistry().find("qhook.verification.failures").tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  /** POSTs {@code body} with {@code headers} (a map) to {@code path}. */
  HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path);
    headers.forEach(builder::header);
    return send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  URI uri(String path) {
    return server.localUri().resolve(path);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    return send(
        request(path, headers)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> put(String path, String body, String... headers) {
    return send(
        request(path, headers)
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send(request(path, headers).DELETE().build());
  }

  HttpResponse<String> post(String path, byte[] body, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** GETs {@code path} without waiting for the answer. */
  CompletableFuture<HttpResponse<String>> getLater(String path) {
    return sendLater(request(path).GET().build());
  }

  /** POSTs {@code body} without waiting for the answer. */
  CompletableFuture<HttpResponse<String>> postLater(String path, String body) {
    return sendLater(
        request(path)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private CompletableFuture<HttpResponse<String>> sendLater(HttpRequest request) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> described(request, response));
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return described(request, client.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every response a test receives must be as the OpenAPI description says (status, content type,
   * body schema): {@link OpenApiResponses} fails the test otherwise.
   */
  private HttpResponse<String> described(HttpRequest request, HttpResponse<String> response) {
    String answer = OpenApiResponses.SERVED.check(request, response);
    if (answer != null) {
      describedAnswers.add(answer);
    }
    return response;
  }

  /**
   * The described answers this server's responses matched, as {@code METHOD /path status} (the path
   * as openapi.yaml writes it).
   */
  Set<String> describedAnswers() {
    return Set.copyOf(describedAnswers);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
