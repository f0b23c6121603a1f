package dev.qhook.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.qhook.internal.engine.DeliveryExecutors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The ingest baseline: a bare JDK {@code HttpServer} configured like qhook-server (Nagle off, the
 * same executor: virtual threads on 21+, else a bounded pool of {@code max_inbound} + 32 platform
 * threads) that reads each request body and answers 202 without storing anything. {@code GET
 * /ready} answers 200.
 *
 * <p>{@code java -cp qhook-bench.jar dev.qhook.bench.BareServer --port 19001}
 */
public final class BareServer {
  /** qhook-server's default {@code server.max_inbound} plus its spare threads. */
  static final int PLATFORM_THREADS = 100 + 32;

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private BareServer() {}

  public static void main(String[] argv) {
    Cli.run(
        "bare-server",
        () -> {
          Args args = Args.parse(argv, "port");
          HttpServer server = start(args.getInt("port", 19001));
          System.out.println("bare-server listening on " + server.getAddress());
        });
  }

  static HttpServer start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(DeliveryExecutors.create("bare-http", PLATFORM_THREADS));
    server.createContext("/", BareServer::handle);
    server.start();
    return server;
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      int status = exchange.getRequestURI().getPath().equals("/ready") ? 200 : 202;
      exchange.sendResponseHeaders(status, -1);
    }
  }
}
