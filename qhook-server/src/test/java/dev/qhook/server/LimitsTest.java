package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  void requestsBeyondMaxInboundGet503OverloadedAtOnceWhileHealthAndReadyAnswer() throws Exception {
    TestConfig config = new TestConfig().eventSource("app");
    config.maxInbound = 1;
    FaultyStore store = new FaultyStore();
    try (RunningServer server = RunningServer.start(config, store, true, Clock.systemUTC())) {
      store.holdAppends();
      CompletableFuture<HttpResponse<String>> first = server.postLater("/events/app/x", "{}");
      assertThat(store.appendsEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> overloaded = server.post("/events/app/y", "{}");
      assertThat(overloaded.statusCode()).isEqualTo(503);
      assertThat(RunningServer.json(overloaded).get("code").asText()).isEqualTo("overloaded");
      assertThat(overloaded.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.get("/ready").statusCode()).isEqualTo(200);

      store.releaseAppends();
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
      assertThat(server.post("/events/app/z", "{}").statusCode()).isEqualTo(202);
    }
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
