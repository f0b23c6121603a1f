package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 6: clients that send their request slowly hold no {@code max_inbound} place, and
 * are cut off once their header or body time is up, while other requests and {@code /health} go on.
 * Real loopback sockets; each slow sender writes a few bytes every 100 ms.
 */
class SlowClientsTest {
  private static final int SLOW_SENDERS = 12;
  private static final Duration LIMIT = Duration.ofSeconds(2);

  /** How long past the limit a cut may take: the watch's tick, a last trickle, a busy machine. */
  private static final Duration SLACK = Duration.ofSeconds(8);

  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
  private final List<Socket> slow = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    trickler.shutdownNow();
    for (Socket socket : slow) {
      socket.close();
    }
  }

  @Test
  void sendersTricklingABodyHoldNoInboundPlaceAndAreCutOffAtTheBodyTimeout() throws IOException {
    TestConfig config = new TestConfig().eventSource("app");
    config.maxInbound = 2;
    try (RunningServer server =
        RunningServer.start(config.build(), engine -> engine, s -> s.bodyTimeout(LIMIT))) {
      for (int i = 0; i < SLOW_SENDERS; i++) {
        Socket socket =
            connect(
                server,
                "POST /events/app/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100000\r\n\r\n{\"a\":\"");
        trickle(socket, "aaaa");
      }
      // Every slow request is past its headers and reading its body.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.server.requestsInProgress() >= SLOW_SENDERS);

      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.get("/ready").statusCode()).isEqualTo(200);
      HttpResponse<String> normal = server.post("/events/app/x", "{\"ok\":true}");
      assertThat(normal.statusCode()).isEqualTo(202);

      assertAllCutOffWithin(LIMIT.plus(SLACK));
      assertThat(server.events("app")).hasSize(1);
    }
  }

  @Test
  void sendersTricklingHeadersAreCutOffAtTheHeaderTimeoutWhileOthersAreServed() throws IOException {
    TestConfig config = new TestConfig().eventSource("app");
    config.maxInbound = 2;
    try (RunningServer server =
        RunningServer.start(config.build(), engine -> engine, s -> s.headerTimeout(LIMIT))) {
      for (int i = 0; i < SLOW_SENDERS; i++) {
        Socket socket = connect(server, "POST /events/app/x HTTP/1.1\r\nHost: localhost\r\n");
        trickle(socket, "X-Slow: 1\r\n");
      }

      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.post("/events/app/x", "{}").statusCode()).isEqualTo(202);

      assertAllCutOffWithin(LIMIT.plus(SLACK));
    }
  }

  /**
   * Bodies still arriving hold no {@code max_inbound} place, so they are bounded apart: together at
   * most {@code max_inbound} × {@code max_body_size} bytes, beyond which a request is refused.
   */
  @Test
  void bodiesStillArrivingMayHoldAtMostMaxInboundTimesMaxBodySizeBytes() throws IOException {
    TestConfig config = new TestConfig().eventSource("app");
    config.maxInbound = 1;
    config.maxBodySize = 1000;
    try (RunningServer server =
        RunningServer.start(config.build(), engine -> engine, s -> s.bodyTimeout(LIMIT))) {
      connect(server, head(1000) + "x".repeat(700));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.server.bodyBytesArriving() == 700);

      Socket second = connect(server, head(1000) + "y".repeat(400));
      second.setSoTimeout((int) SLACK.toMillis());
      String answer = new String(second.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(answer).isEqualTo("HTTP/1.1 503");

      assertThat(server.post("/events/app/x", "{\"n\":\"" + "z".repeat(200) + "\"}").statusCode())
          .isEqualTo(202);
    }
  }

  private static String head(int contentLength) {
    return "POST /events/app/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  private Socket connect(RunningServer server, String head) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.server.port());
    slow.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** Writes {@code bytes} every 100 ms until the server closes the connection. */
  private void trickle(Socket socket, String bytes) {
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    task.set(
        trickler.scheduleWithFixedDelay(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes.getBytes(StandardCharsets.US_ASCII));
                out.flush();
              } catch (IOException closed) {
                task.get().cancel(false);
              }
            },
            100,
            100,
            TimeUnit.MILLISECONDS));
  }

  /**
   * Each slow connection ends (end of stream or reset) within {@code bound} from now, without an
   * HTTP answer.
   */
  private void assertAllCutOffWithin(Duration bound) throws IOException {
    long deadline = System.nanoTime() + bound.toNanos();
    for (Socket socket : slow) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      socket.setSoTimeout((int) left);
      InputStream in = socket.getInputStream();
      int first;
      try {
        first = in.read();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("a slow sender was still connected after " + bound, e);
      } catch (IOException reset) {
        continue;
      }
      assertThat(first).as("the connection ends without an answer").isEqualTo(-1);
    }
  }
}
