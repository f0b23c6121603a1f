package dev.qhook.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.qhook.internal.engine.DeliveryExecutors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP receiver for deliveries: answers 200, counts requests, and (when recording) keeps
 * the {@link System#nanoTime()} of the first arrival of each {@code X-Qhook-Event-ID}.
 *
 * <p>Standalone: {@code java -cp qhook-bench.jar dev.qhook.bench.Receiver --port 19002}.
 */
public final class Receiver implements AutoCloseable {
  static final String EVENT_ID_HEADER = "X-Qhook-Event-ID";

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final boolean recording;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();

  private Receiver(HttpServer server, ExecutorService executor, boolean recording) {
    this.server = server;
    this.executor = executor;
    this.recording = recording;
  }

  /** Starts on 127.0.0.1; port 0 picks a free one. */
  public static Receiver start(int port, boolean recording) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = DeliveryExecutors.create("receiver", 64);
    Receiver receiver = new Receiver(server, executor, recording);
    server.setExecutor(executor);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  public static void main(String[] argv) {
    Cli.run(
        "receiver",
        () -> {
          Args args = Args.parse(argv, "port");
          Receiver receiver = start(args.getInt("port", 19002), false);
          System.out.println("receiver listening on " + receiver.url(""));
        });
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Every request received, duplicates included. */
  public long requests() {
    return requests.get();
  }

  /** Distinct event ids received (recording receivers only). */
  public int distinctEvents() {
    return firstArrival.size();
  }

  /** When the event first arrived, in {@link System#nanoTime()} units, or null. */
  public @Nullable Long arrivalNanos(String eventId) {
    return firstArrival.get(eventId);
  }

  /** Waits until {@code count} distinct events arrived; false when {@code atMost} passed first. */
  public boolean awaitDistinct(int count, Duration atMost) throws InterruptedException {
    return Bounds.await(() -> firstArrival.size() >= count, atMost);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      requests.incrementAndGet();
      if (recording) {
        String id = exchange.getRequestHeaders().getFirst(EVENT_ID_HEADER);
        if (id != null) {
          firstArrival.putIfAbsent(id, now);
        }
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
