package dev.qhook.internal.transport;

import static dev.qhook.internal.transport.ApacheHttpTransportTest.post;
import static dev.qhook.internal.transport.ApacheHttpTransportTest.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.spi.TransportResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https: the certificate must chain to a trusted root (the JDK's trust store by default) and name
 * the host. The server's certificate is self-signed for "localhost", made by the JDK's keytool.
 */
class ApacheHttpTransportTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final SsrfGuard GUARD =
      new SsrfGuard(true, InetAddress::getAllByName, PrivateAddresses::isPrivate);

  @TempDir static Path dir;
  static KeyStore keyStore;
  static HttpsServer server;

  @BeforeAll
  static void startServer() throws Exception {
    Path file = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-alias",
                "server",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes());
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static ApacheHttpTransport trustingTheServer() throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return new ApacheHttpTransport(GUARD, 4, new DefaultClientTlsStrategy(tls));
  }

  private static URI uri(String host) {
    return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/h");
  }

  @Test
  void aTrustedCertificateNamingTheHostIsAccepted() throws Exception {
    try (var transport = trustingTheServer()) {
      var result = transport.send(post(uri("localhost"), Map.of(), "x"));

      assertThat(response(result).body()).asString().isEqualTo("ok");
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused() throws Exception {
    try (var transport = trustingTheServer()) {
      var result = transport.send(post(uri("127.0.0.1"), Map.of(), "x"));

      assertThat(result).isInstanceOf(TransportResult.NetworkError.class);
      assertThat(((TransportResult.NetworkError) result).message())
          .startsWith("connection failed")
          .contains("127.0.0.1")
          .containsIgnoringCase("subject alternative names");
    }
  }

  @Test
  void theDefaultTransportTrustsOnlyTheJdkTrustStore() {
    try (var transport = new ApacheHttpTransport(GUARD, 4)) {
      var result = transport.send(post(uri("localhost"), Map.of(), "x"));

      assertThat(result).isInstanceOf(TransportResult.NetworkError.class);
      assertThat(((TransportResult.NetworkError) result).message())
          .startsWith("connection failed")
          .contains("PKIX");
    }
  }
}
