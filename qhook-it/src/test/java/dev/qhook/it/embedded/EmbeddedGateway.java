package dev.qhook.it.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.qhook.InboundRequest;
import dev.qhook.QHook;
import dev.qhook.Received;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An application's own HTTP stack in front of an embedded engine: the JDK {@code HttpServer} with
 * two routes, each reading the request, making one engine call and writing the answer. This is the
 * example of docs/embedding.md; any HTTP stack (a servlet, Javalin, Helidon) looks the same.
 */
final class EmbeddedGateway implements AutoCloseable {
  private final HttpServer http;
  private final QHook qhook;

  private EmbeddedGateway(HttpServer http, QHook qhook) {
    this.http = http;
    this.qhook = qhook;
  }

  static EmbeddedGateway start(QHook qhook) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    EmbeddedGateway gateway = new EmbeddedGateway(http, qhook);
    http.createContext("/webhooks/", exchange -> gateway.handle(exchange, "/webhooks/"));
    http.createContext("/sns/", exchange -> gateway.handle(exchange, "/sns/"));
    http.start();
    return gateway;
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + pathAndQuery;
  }

  private void handle(HttpExchange exchange, String prefix) throws IOException {
    try (exchange) {
      String source = exchange.getRequestURI().getPath().substring(prefix.length());
      InboundRequest.Builder request =
          prefix.equals("/sns/") ? InboundRequest.sns(source) : InboundRequest.webhook(source);
      String query = exchange.getRequestURI().getRawQuery();
      String url =
          "http://"
              + exchange.getRequestHeaders().getFirst("Host")
              + exchange.getRequestURI().getRawPath()
              + (query == null ? "" : "?" + query);
      Received received =
          qhook.receive(
              request
                  .headers(exchange.getRequestHeaders())
                  .body(exchange.getRequestBody().readAllBytes())
                  .clientAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                  .url(url)
                  .build());
      respond(exchange, received);
    }
  }

  /** One case of {@link Received}, one HTTP answer. */
  private static void respond(HttpExchange exchange, Received received) throws IOException {
    String body;
    String contentType = "application/json";
    if (received instanceof Received.Accepted accepted) {
      body = accepted.result().toJson();
    } else if (received instanceof Received.Duplicate duplicate) {
      body = duplicate.result().toJson();
    } else if (received instanceof Received.Acknowledged acknowledged) {
      body = acknowledged.message();
      contentType = "text/plain; charset=utf-8";
    } else {
      Received.Rejected rejected = (Received.Rejected) received;
      body = "{\"code\":\"" + rejected.code() + "\"}";
      rejected
          .retryAfter()
          .ifPresent(
              wait ->
                  exchange
                      .getResponseHeaders()
                      .set("Retry-After", Long.toString(wait.toSeconds())));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(received.httpStatus(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
