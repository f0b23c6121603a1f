package dev.qhook.internal.transport;

import static dev.qhook.internal.transport.LoopbackHttpServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests and responses as they cross the wire, against a raw loopback server. */
class ApacheHttpTransportTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApacheHttpTransport transport = loopbackTransport(16);

  /** A transport allowed to reach loopback servers (private addresses refused otherwise). */
  static ApacheHttpTransport loopbackTransport(int maxConnections) {
    return new ApacheHttpTransport(
        new SsrfGuard(true, InetAddress::getAllByName, PrivateAddresses::isPrivate),
        maxConnections);
  }

  @AfterEach
  void close() {
    transport.close();
  }

  static TransportRequest post(URI uri, Map<String, String> headers, String body) {
    return new TransportRequest(
        "POST", uri, headers, body.getBytes(StandardCharsets.UTF_8), TIMEOUT);
  }

  static TransportResult.Response response(TransportResult result) {
    assertThat(result).isInstanceOf(TransportResult.Response.class);
    return (TransportResult.Response) result;
  }

  @Test
  void sendsTheRequestAndReturnsStatusHeadersAndBodyAsSent() throws Exception {
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(
                  out,
                  "HTTP/1.1 201 Created\r\nX-Multi: a\r\nx-multi: b\r\nContent-Type: text/plain\r\n"
                      + "Content-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello");
              return true;
            })) {
      var result =
          transport.send(
              post(
                  server.uri("/hook?x=1"),
                  Map.of("Content-Type", "application/json", "User-Agent", "qhook/test"),
                  "{\"a\":1}"));

      var response = response(result);
      assertThat(response.status()).isEqualTo(201);
      assertThat(response.headers()).containsEntry("x-multi", List.of("a", "b"));
      assertThat(response.header("Content-Encoding")).contains("gzip");
      assertThat(response.body()).asString().isEqualTo("hello");
      var received = server.requests().get(0);
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.target()).isEqualTo("/hook?x=1");
      assertThat(received.body()).asString().isEqualTo("{\"a\":1}");
      assertThat(received.header("content-type")).isEqualTo("application/json");
      assertThat(received.header("user-agent")).isEqualTo("qhook/test");
      assertThat(received.header("content-length")).isEqualTo("7");
      assertThat(received.headers()).doesNotContainKeys("accept-encoding", "cookie", "expect");
    }
  }

  @Test
  void anEmptyPostSendsContentLengthZeroAndAGetSendsNoBody() throws Exception {
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok(""))) {
      transport.send(post(server.uri("/p"), Map.of(), ""));
      transport.send(new TransportRequest("GET", server.uri("/g"), Map.of(), new byte[0], TIMEOUT));

      assertThat(server.requests().get(0).header("content-length")).isEqualTo("0");
      assertThat(server.requests().get(1).headers()).doesNotContainKey("content-length");
      assertThat(server.requests().get(1).headers()).doesNotContainKey("user-agent");
    }
  }

  @Test
  void aRedirectIsReturnedNotFollowed() throws Exception {
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(out, "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");
              return true;
            })) {
      var response = response(transport.send(post(server.uri("/h"), Map.of(), "x")));

      assertThat(response.status()).isEqualTo(302);
      assertThat(response.header("location")).contains("/elsewhere");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aChunkedBodyIsReassembledAndTheConnectionKeptAlive() throws Exception {
    try (var server =
        LoopbackHttpServer.start(
            (request, out) -> {
              write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
              write(out, "5\r\nhello\r\n");
              write(out, "1\r\n \r\n");
              write(out, "5\r\nworld\r\n0\r\n\r\n");
              return true;
            })) {
      var first = response(transport.send(post(server.uri("/h"), Map.of(), "x")));
      var second = response(transport.send(post(server.uri("/h"), Map.of(), "y")));

      assertThat(first.body()).asString().isEqualTo("hello world");
      assertThat(second.body()).asString().isEqualTo("hello world");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void headersTheClientOwnsAreDroppedFromTheCallersHeaders() throws Exception {
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"))) {
      Map<String, String> headers =
          Map.of(
              "Connection", "close",
              "Content-Length", "999",
              "Expect", "100-continue",
              "Host", "evil.example",
              "Upgrade", "h2c",
              "Transfer-Encoding", "chunked",
              "X-Kept", "yes");
      response(transport.send(post(server.uri("/h"), headers, "abc")));
      response(transport.send(post(server.uri("/h"), headers, "abc")));

      var received = server.requests().get(0);
      assertThat(received.header("host")).isEqualTo("127.0.0.1:" + server.port());
      assertThat(received.header("content-length")).isEqualTo("3");
      assertThat(received.header("x-kept")).isEqualTo("yes");
      assertThat(received.headers()).doesNotContainKeys("expect", "upgrade", "transfer-encoding");
      assertThat(received.header("connection")).isNotEqualTo("close");
      assertThat(server.connections())
          .as("the caller's Connection: close was dropped")
          .isEqualTo(1);
    }
  }

  @Test
  void aHeaderTheWireCannotCarryMakesTheRequestUnsendable() throws Exception {
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"))) {
      var badValue = transport.send(post(server.uri("/h"), Map.of("ce-note", "a\u0001b"), "x"));
      var badName = transport.send(post(server.uri("/h"), Map.of("bad name", "v"), "x"));
      var injection = transport.send(post(server.uri("/h"), Map.of("x", "a\r\nHost: b"), "x"));

      assertThat(badValue)
          .isEqualTo(
              new TransportResult.NetworkError(
                  "request not sendable: invalid header value for 'ce-note'",
                  badValue.durationMs()));
      assertThat(((TransportResult.NetworkError) badName).message())
          .isEqualTo("request not sendable: invalid header name 'bad name'");
      assertThat(((TransportResult.NetworkError) injection).message())
          .startsWith("request not sendable");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void sixteenThreadsSendingAtOnceAllSucceed() throws Exception {
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"))) {
      ExecutorService senders = Executors.newFixedThreadPool(16);
      try {
        List<Future<TransportResult>> results = new ArrayList<>();
        for (int i = 0; i < 16 * 20; i++) {
          String body = "n" + i;
          results.add(senders.submit(() -> transport.send(post(server.uri("/h"), Map.of(), body))));
        }
        for (Future<TransportResult> result : results) {
          assertThat(response(result.get()).status()).isEqualTo(200);
        }
      } finally {
        senders.shutdownNow();
      }
      assertThat(server.requests()).hasSize(16 * 20);
      assertThat(server.connections()).isBetween(1, 16);
    }
  }
}
