package dev.qhook.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP receiver for deliveries: answers 200, counts requests, and (when recording) keeps
 * the {@link System#nanoTime()} of the first arrival of each {@code X-Qhook-Event-ID}.
 *
 * <p>It stands for the user's handler, whose cost is not qhook's, so it is kept lean: HttpCore's
 * classic blocking server, one thread per keep-alive connection reading and answering in place (no
 * hand-off between a selector thread and a worker per request).
 *
 * <p>Standalone: {@code java -cp qhook-bench.jar dev.qhook.bench.Receiver --port 19002}.
 */
public final class Receiver implements AutoCloseable {
  static final String EVENT_ID_HEADER = "X-Qhook-Event-ID";
  private static final String CANONICAL_HOST = "127.0.0.1"; // whatever Host a request names
  private static final Timeout IDLE_CONNECTION = Timeout.ofMinutes(5);

  private final boolean recording;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
  private @Nullable HttpServer server;

  private Receiver(boolean recording) {
    this.recording = recording;
  }

  /** Starts on 127.0.0.1; port 0 picks a free one. */
  public static Receiver start(int port, boolean recording) throws IOException {
    Receiver receiver = new Receiver(recording);
    HttpServer server =
        ServerBootstrap.bootstrap()
            .setLocalAddress(InetAddress.getLoopbackAddress())
            .setCanonicalHostName(CANONICAL_HOST)
            .setAuthorityResolver((canonical, requested) -> new URIAuthority(CANONICAL_HOST))
            .setListenerPort(port)
            .setSocketConfig(
                SocketConfig.custom()
                    .setTcpNoDelay(true)
                    .setSoTimeout(IDLE_CONNECTION)
                    // the port of the run before may still have connections in TIME_WAIT
                    .setSoReuseAddress(true)
                    .build())
            .register("*", receiver::handle)
            .create();
    server.start();
    receiver.server = server;
    return receiver;
  }

  public static void main(String[] argv) {
    Cli.run(
        "receiver",
        () -> {
          Args args = Args.parse(argv, "port");
          Receiver receiver = start(args.getInt("port", 19002), false);
          System.out.println("receiver listening on " + receiver.url(""));
          receiver.running().awaitTermination(TimeValue.MAX_VALUE); // until the kit stops it
        });
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return running().getLocalPort();
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

  private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
      throws IOException {
    long now = System.nanoTime();
    EntityUtils.consume(request.getEntity());
    requests.incrementAndGet();
    if (recording) {
      Header id = request.getFirstHeader(EVENT_ID_HEADER);
      if (id != null) {
        firstArrival.putIfAbsent(id.getValue(), now);
      }
    }
    response.setCode(HttpStatus.SC_OK);
  }

  private HttpServer running() {
    if (server == null) {
      throw new IllegalStateException("receiver not started");
    }
    return server;
  }

  @Override
  public void close() {
    running().close(CloseMode.IMMEDIATE);
  }
}
