package dev.qhook.internal.transport;

import static dev.qhook.internal.transport.ApacheHttpTransportTest.loopbackTransport;
import static dev.qhook.internal.transport.LoopbackHttpServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One deadline bounds the whole exchange, whatever the server does. */
class ApacheHttpTransportDeadlineTest {
  static final Duration TIMEOUT = Duration.ofMillis(600);

  /** Scheduling slack on a busy machine; far below another timeout's worth. */
  static final long SLACK_MS = 400;

  private final ApacheHttpTransport transport = loopbackTransport(4);

  @AfterEach
  void close() {
    transport.close();
  }

  private TransportResult timedSend(LoopbackHttpServer server, String path) {
    long started = System.nanoTime();
    TransportResult result =
        transport.send(
            new TransportRequest("POST", server.uri(path), Map.of(), new byte[1], TIMEOUT));
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(tookMs).isBetween(TIMEOUT.toMillis() - 5, TIMEOUT.toMillis() + SLACK_MS);
    return result;
  }

  @Test
  void aBodyDrippingSlowerThanTheDeadlineTimesOutAtTheDeadline() throws Exception {
    // Each byte arrives well within a socket timeout; only a whole-exchange deadline stops it.
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
              for (int i = 0; i < 100; i++) {
                write(out, "x");
                Thread.sleep(50);
              }
              return true;
            })) {
      var result = timedSend(server, "/drip");

      assertThat(result)
          .isInstanceOfSatisfying(
              TransportResult.Timeout.class,
              t -> assertThat(t.message()).isEqualTo("timed out after 600 ms"));
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheDeadline() throws Exception {
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              Thread.sleep(60_000);
              return false;
            })) {
      assertThat(timedSend(server, "/silent")).isInstanceOf(TransportResult.Timeout.class);
    }
  }

  @Test
  void aSlowResponseWithinTheDeadlineArrivesWhole() throws Exception {
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(out, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
              for (int i = 0; i < 3; i++) {
                Thread.sleep(50);
                write(out, "x");
              }
              return true;
            })) {
      var result =
          transport.send(
              new TransportRequest("POST", server.uri("/"), Map.of(), new byte[1], TIMEOUT));

      assertThat(result)
          .isInstanceOfSatisfying(
              TransportResult.Response.class,
              r -> assertThat(r.body()).asString().isEqualTo("xxx"));
    }
  }
}
