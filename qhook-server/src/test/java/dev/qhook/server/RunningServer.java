package dev.qhook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.QHook;
import dev.qhook.memory.InMemoryStore;
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

  HttpResponse<String> post(String path, byte[] body, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
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
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
