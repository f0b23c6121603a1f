package dev.qhook.internal.transport;

import static dev.qhook.internal.transport.ApacheHttpTransportTest.post;
import static dev.qhook.internal.transport.ApacheHttpTransportTest.response;
import static dev.qhook.internal.transport.LoopbackHttpServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard decides where connections go: the client resolves names only through it, so the
 * address it checked is the address connected to. "hooks.example" exists only in these resolvers.
 */
class ApacheHttpTransportSsrfTest {
  /** In these tests 127.0.0.1 plays a public address; every other address is private. */
  static final Predicate<InetAddress> ONLY_127_0_0_1_IS_PUBLIC =
      address -> !address.getHostAddress().equals("127.0.0.1");

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static String refusal(TransportResult result) {
    assertThat(result).isInstanceOf(TransportResult.NetworkError.class);
    return ((TransportResult.NetworkError) result).message();
  }

  @Test
  void aHostResolvingToAPrivateAddressIsRefusedBeforeAnyConnection() throws Exception {
    SsrfGuard guard =
        new SsrfGuard(
            false, host -> new InetAddress[] {ip("10.1.2.3")}, PrivateAddresses::isPrivate);
    try (var transport = new ApacheHttpTransport(guard, 4)) {
      var result = transport.send(post(URI.create("http://hooks.example/h"), Map.of(), "x"));

      assertThat(refusal(result))
          .isEqualTo("destination refused: hooks.example resolves to private address 10.1.2.3");
    }
  }

  @Test
  void theConnectionGoesToTheAddressTheGuardResolved() throws Exception {
    List<String> lookups = new CopyOnWriteArrayList<>();
    SsrfGuard guard =
        new SsrfGuard(
            false,
            host -> {
              lookups.add(host);
              return new InetAddress[] {ip("127.0.0.1")};
            },
            ONLY_127_0_0_1_IS_PUBLIC);
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"));
        var transport = new ApacheHttpTransport(guard, 4)) {
      URI uri = URI.create("http://hooks.example:" + server.port() + "/h");
      for (int i = 0; i < 3; i++) {
        assertThat(response(transport.send(post(uri, Map.of(), "x"))).status()).isEqualTo(200);
      }

      assertThat(lookups).as("one lookup for the one connection").containsExactly("hooks.example");
      assertThat(server.requests().get(0).header("host"))
          .isEqualTo("hooks.example:" + server.port());
    }
  }

  @Test
  void aNameThatRebindsToAPrivateAddressIsRefusedOnTheNextConnection() throws Exception {
    List<InetAddress> answers =
        new CopyOnWriteArrayList<>(List.of(ip("127.0.0.1"), ip("127.0.0.2")));
    SsrfGuard guard =
        new SsrfGuard(
            false, host -> new InetAddress[] {answers.remove(0)}, ONLY_127_0_0_1_IS_PUBLIC);
    try (var server =
            LoopbackHttpServer.start(
                (request, out) -> {
                  write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
                  return false;
                });
        var transport = new ApacheHttpTransport(guard, 4)) {
      URI uri = URI.create("http://hooks.example:" + server.port() + "/h");

      var first = transport.send(post(uri, Map.of(), "x"));
      var second = transport.send(post(uri, Map.of(), "x"));

      assertThat(response(first).status()).isEqualTo(200);
      assertThat(refusal(second))
          .isEqualTo("destination refused: hooks.example resolves to private address 127.0.0.2");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aPrivateAddressLiteralIsRefused() throws Exception {
    SsrfGuard guard = new SsrfGuard(false, InetAddress::getAllByName, PrivateAddresses::isPrivate);
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"));
        var transport = new ApacheHttpTransport(guard, 4)) {
      var result = transport.send(post(server.uri("/h"), Map.of(), "x"));

      assertThat(refusal(result))
          .isEqualTo("destination refused: 127.0.0.1 resolves to private address 127.0.0.1");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void allowPrivateUrlsSkipsTheAddressCheckButNotTheSchemeCheck() throws Exception {
    SsrfGuard guard = new SsrfGuard(true, InetAddress::getAllByName, PrivateAddresses::isPrivate);
    try (var server = LoopbackHttpServer.start(LoopbackHttpServer.ok("ok"));
        var transport = new ApacheHttpTransport(guard, 4)) {
      assertThat(response(transport.send(post(server.uri("/h"), Map.of(), "x"))).status())
          .isEqualTo(200);
      assertThat(refusal(transport.send(post(URI.create("ftp://x/"), Map.of(), "x"))))
          .isEqualTo("destination refused: scheme 'ftp' is not http(s)");
    }
  }

  @Test
  void aHostThatDoesNotResolveIsAnUnknownHost() {
    SsrfGuard guard =
        new SsrfGuard(
            false,
            host -> {
              throw new UnknownHostException(host);
            },
            PrivateAddresses::isPrivate);
    try (var transport = new ApacheHttpTransport(guard, 4)) {
      assertThat(
              refusal(transport.send(post(URI.create("http://nowhere.example/"), Map.of(), "x"))))
          .isEqualTo("unknown host nowhere.example");
    }
  }
}
