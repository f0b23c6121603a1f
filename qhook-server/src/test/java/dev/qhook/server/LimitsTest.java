package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void bodyOverTheLimitIsRejectedWith413WhetherDeclaredOrChunked() {
    TestConfig config = new TestConfig().eventSource("app");
    config.maxBodySize = 1000;
    try (RunningServer server = RunningServer.start(config)) {
      HttpResponse<String> declared = server.post("/events/app/x", new byte[1001]);
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(RunningServer.json(declared).get("code").asText()).isEqualTo("payload_too_large");

      HttpResponse<String> chunked =
          server.send(
              server
                  .request("/events/app/x")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(new byte[5000])))
                  .build());
      assertThat(chunked.statusCode()).isEqualTo(413);

      assertThat(server.post("/events/app/x", "x".repeat(1000)).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void perIpLimitAnswers429WithRetryAfterAndExemptsHealth() {
    TestConfig config = new TestConfig().eventSource("app");
    config.ipRateLimit = 2;
    Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00.500Z"), ZoneOffset.UTC);
    try (RunningServer server = RunningServer.start(config, new InMemoryStore(), true, frozen)) {
      assertThat(server.post("/events/app/x", "{}").statusCode()).isEqualTo(202);
      assertThat(server.post("/events/app/x", "{}").statusCode()).isEqualTo(202);

      HttpResponse<String> limited = server.post("/events/app/x", "{}");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(RunningServer.json(limited).get("code").asText()).isEqualTo("rate_limited");
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void forwardedForCountsPerClientOnlyWhenProxiesAreTrusted() {
    TestConfig config = new TestConfig().eventSource("app");
    config.ipRateLimit = 1;
    config.trustProxy = true;
    Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    try (RunningServer server = RunningServer.start(config, new InMemoryStore(), true, frozen)) {
      assertThat(server.post("/events/app/x", "{}", "X-Forwarded-For", "1.1.1.1").statusCode())
          .isEqualTo(202);
      assertThat(
              server
                  .post("/events/app/x", "{}", "X-Forwarded-For", "2.2.2.2, 10.0.0.1")
                  .statusCode())
          .isEqualTo(202);
      assertThat(server.post("/events/app/x", "{}", "X-Forwarded-For", "1.1.1.1").statusCode())
          .isEqualTo(429);
    }
  }

  @Test
  void requestsBeyondMaxInboundGet503OverloadedAtOnce() throws IOException {
    TestConfig config = new TestConfig();
    config.maxInbound = 1;
    try (RunningServer server = RunningServer.start(config);
        Socket slow = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = slow.getOutputStream();
      out.write(
          ("POST /_echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.get("/health").statusCode() == 503);
      HttpResponse<String> overloaded = server.get("/health");
      assertThat(RunningServer.json(overloaded).get("code").asText()).isEqualTo("overloaded");
      assertThat(overloaded.headers().firstValue("Retry-After")).hasValue("1");

      out.write("defghij".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readHead(slow.getInputStream())).startsWith("HTTP/1.1 200");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.get("/health").statusCode() == 200);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      head.append((char) c);
    }
    return head.toString();
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405AsJson() {
    try (RunningServer server = RunningServer.start(new TestConfig())) {
      HttpResponse<String> missing = server.get("/nope");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(RunningServer.json(missing).get("code").asText()).isEqualTo("not_found");

      HttpResponse<String> wrongMethod = server.post("/health", "");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/json");
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    try (RunningServer server = RunningServer.start(new TestConfig())) {
      for (HttpResponse<String> response :
          new HttpResponse[] {server.get("/health"), server.get("/nope")}) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-API-Version")).hasValue("1");
      }
    }
  }

  @Test
  void responsesAreGzippedWhenTheClientAcceptsIt() throws IOException {
    try (RunningServer server = RunningServer.start(new TestConfig())) {
      HttpResponse<byte[]> response;
      try {
        response =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    server.request("/health", "Accept-Encoding", "gzip").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
      String body =
          new String(
              new java.util.zip.GZIPInputStream(new ByteArrayInputStream(response.body()))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(body).contains("\"db_healthy\":true");
    }
  }
}
