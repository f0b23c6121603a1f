package dev.qhook.internal.transport;

import static dev.qhook.internal.transport.ApacheHttpTransportTest.loopbackTransport;
import static dev.qhook.internal.transport.ApacheHttpTransportTest.post;
import static dev.qhook.internal.transport.ApacheHttpTransportTest.response;
import static dev.qhook.internal.transport.LoopbackHttpServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pooling: reuse, stale connections, discarding a connection whose body was not read. */
class ApacheHttpTransportConnectionsTest {
  private final ApacheHttpTransport transport = loopbackTransport(16);

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void sequentialRequestsShareOneKeptAliveConnection() throws Exception {
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"))) {
      for (int i = 0; i < 25; i++) {
        assertThat(response(transport.send(post(server.uri("/h"), Map.of(), "x"))).status())
            .isEqualTo(200);
      }

      assertThat(server.requests()).hasSize(25);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionTheServerClosedWhileIdleDoesNotFailTheNextRequest() throws Exception {
    // Keeps the first connection alive as far as the client can tell, then closes it.
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
              return request.connection() > 1;
            })) {
      response(transport.send(post(server.uri("/h"), Map.of(), "first")));
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.closedByServer() == 1);

      var second = transport.send(post(server.uri("/h"), Map.of(), "second"));

      assertThat(response(second).status()).isEqualTo(200);
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.requests())
          .extracting(r -> new String(r.body()))
          .containsExactly("first", "second");
    }
  }

  @Test
  void anOversizedBodyFailsAndTheNextRequestUsesAFreshConnection() throws Exception {
    int limit = ApacheHttpTransport.MAX_RESPONSE_BYTES;
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              switch (request.target()) {
                case "/declared" ->
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + (limit + 1) + "\r\n\r\n");
                case "/chunked" -> {
                  write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                  // Endless: only the client giving up ends it.
                  while (true) {
                    write(out, Integer.toHexString(chunk.length) + "\r\n");
                    out.write(chunk);
                    write(out, "\r\n");
                  }
                }
                default -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
              }
              return true;
            })) {
      var declared = transport.send(post(server.uri("/declared"), Map.of(), "x"));
      var chunked = transport.send(post(server.uri("/chunked"), Map.of(), "x"));
      var next = transport.send(post(server.uri("/small"), Map.of(), "x"));

      String tooLarge = "response body larger than " + limit + " bytes";
      assertThat(declared).isInstanceOf(TransportResult.NetworkError.class);
      assertThat(((TransportResult.NetworkError) declared).message()).isEqualTo(tooLarge);
      assertThat(((TransportResult.NetworkError) chunked).message()).isEqualTo(tooLarge);
      assertThat(response(next).body()).asString().isEqualTo("ok");
      assertThat(server.connections()).as("each oversized connection was discarded").isEqualTo(3);
    }
  }

  @Test
  void aClosedPortIsANetworkError() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    var result = transport.send(post(URI.create("http://127.0.0.1:" + port + "/"), Map.of(), "x"));

    assertThat(result).isInstanceOf(TransportResult.NetworkError.class);
    assertThat(((TransportResult.NetworkError) result).message())
        .startsWith("connection failed: ")
        .contains("Connection refused");
  }

  @Test
  void closingTheTransportEndsARequestInFlight() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              received.countDown();
              Thread.sleep(60_000); // never answers
              return false;
            })) {
      var request =
          new TransportRequest(
              "POST", server.uri("/h"), Map.of(), new byte[1], Duration.ofMinutes(1));
      CompletableFuture<TransportResult> inFlight =
          CompletableFuture.supplyAsync(() -> transport.send(request));
      assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();

      transport.close();

      assertThat(inFlight.get(5, TimeUnit.SECONDS))
          .isInstanceOf(TransportResult.NetworkError.class);
      assertThat(transport.send(request))
          .isInstanceOfSatisfying(
              TransportResult.NetworkError.class,
              e -> assertThat(e.message()).isEqualTo("transport closed"));
    }
  }
}
