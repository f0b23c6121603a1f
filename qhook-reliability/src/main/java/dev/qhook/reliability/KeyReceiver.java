package dev.qhook.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The handler's receiver: answers every request 200 and appends one line per request to a file,
 * {@code <X-Qhook-Delivery-ID> TAB <X-Qhook-Event-ID> TAB <payload key>} ({@code -} for what is
 * missing). The payload key is the string value of the body's top-level {@code "key"}, which the
 * {@link Producer} sets. Lines are flushed every 100 ms and at exit (SIGTERM), so a receiver that
 * is stopped and started again appends to the same file.
 *
 * <p>{@code KeyReceiver --port 19401 --out received.tsv}
 */
public final class KeyReceiver {
  static final String DELIVERY_ID = "X-Qhook-Delivery-ID";
  static final String EVENT_ID = "X-Qhook-Event-ID";
  private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private final BufferedWriter out;
  private final AtomicLong requests = new AtomicLong();

  private KeyReceiver(BufferedWriter out) {
    this.out = out;
  }

  public static void main(String[] argv) {
    Cli.run(
        "receiver",
        () -> {
          Args args = Args.parse(argv, "port", "out");
          BufferedWriter writer =
              Files.newBufferedWriter(
                  Path.of(args.get("out")),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
          KeyReceiver receiver = new KeyReceiver(writer);
          HttpServer server =
              HttpServer.create(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), args.getInt("port", 0)),
                  128);
          ExecutorService threads = Executors.newFixedThreadPool(32);
          server.setExecutor(threads);
          server.createContext("/", receiver::handle);
          ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
          flusher.scheduleAtFixedRate(receiver::flush, 100, 100, TimeUnit.MILLISECONDS);
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        server.stop(0);
                        receiver.flush();
                      }));
          server.start();
          System.out.println("receiver listening on 127.0.0.1:" + server.getAddress().getPort());
          Thread.currentThread().join(); // until the kit stops it
          return 0;
        });
  }

  /** The line recorded for one request. */
  static String line(@Nullable String deliveryId, @Nullable String eventId, byte[] body) {
    String key = "-";
    Matcher m = KEY.matcher(new String(body, StandardCharsets.UTF_8));
    if (m.find()) {
      key = m.group(1);
    }
    return clean(deliveryId) + '\t' + clean(eventId) + '\t' + clean(key);
  }

  private static String clean(@Nullable String value) {
    return value == null || value.isEmpty() ? "-" : value.replaceAll("[\\t\\r\\n]", "_");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY);
      }
      String text =
          line(
              exchange.getRequestHeaders().getFirst(DELIVERY_ID),
              exchange.getRequestHeaders().getFirst(EVENT_ID),
              body);
      synchronized (out) {
        out.write(text);
        out.write('\n');
      }
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void flush() {
    synchronized (out) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
