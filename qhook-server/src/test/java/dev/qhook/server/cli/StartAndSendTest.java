package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartAndSendTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private RecordingReceiver receiver;
  private int port;

  @BeforeEach
  void setUp() throws IOException {
    receiver = RecordingReceiver.start();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("qhook.yaml"),
        """
        database:
          url: %s
        server:
          host: 127.0.0.1
          port: %d
          allow_private_urls: true
        api:
          auth_token: tok
        sources:
          app: { type: event }
          hooks: { type: webhook }
        handlers:
          orders:
            source: app
            events: ["order.*"]
            url: %s
          paid-only:
            source: app
            filter: "paid == true"
            url: %s
        """
            .formatted(
                MemoryStoreProvider.URL, port, receiver.url("/orders"), receiver.url("/paid")),
        StandardCharsets.UTF_8);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void startServesUntilStoppedAndSendDeliversThroughIt() throws Exception {
    StopSignal stop = StopSignal.manual();
    CompletableFuture<CliRun> server =
        CompletableFuture.supplyAsync(() -> CliRun.run(dir, Map.of(), stop, "start"));
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> server.isDone() || status("/ready") == 200);
      assertThat(server).isNotDone();

      CliRun send =
          CliRun.run(dir, Map.of(), "send", "-s", "app", "-t", "order.created", "{\"id\":7}");

      assertThat(send.status).as(send.err).isZero();
      assertThat(send.out)
          .contains("status: 202")
          .contains("event_id: ")
          .contains("jobs_created: 1");
      RecordedRequest delivered = receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0);
      assertThat(delivered.path()).isEqualTo("/orders");
      assertThat(delivered.header("X-Qhook-Event-Type")).isEqualTo("order.created");
      assertThat(delivered.bodyText()).isEqualTo("{\"id\":7}");

      CliRun webhook = CliRun.run(dir, Map.of(), "send", "-s", "hooks", "-t", "ping");
      assertThat(webhook.out).contains("status: 200");
    } finally {
      stop.trigger();
    }
    CliRun stopped = server.get(30, TimeUnit.SECONDS);
    assertThat(stopped.status).as(stopped.err).isZero();
    assertThat(status("/ready")).isEqualTo(-1);
  }

  @Test
  void dryRunListsMatchingHandlersWithFiltersApplied() {
    CliRun plain =
        CliRun.run(dir, Map.of(), "send", "-s", "app", "-t", "order.created", "--dry-run");
    assertThat(plain.status).isZero();
    assertThat(plain.out).contains("handler orders -> POST " + receiver.url("/orders"));
    assertThat(plain.out).doesNotContain("paid-only").contains("1 consumer(s) match");

    CliRun paid =
        CliRun.run(
            dir, Map.of(), "send", "-s", "app", "-t", "refund", "{\"paid\":true}", "--dry-run");
    assertThat(paid.out).contains("handler paid-only").doesNotContain("handler orders");
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void sendExplainsAnUnreachableServerUnknownSourceAndBadJson() {
    CliRun down = CliRun.run(dir, Map.of(), "send", "-s", "app", "-t", "x");
    assertThat(down.status).isEqualTo(1);
    assertThat(down.err).contains("cannot reach qhook at http://127.0.0.1:" + port);

    CliRun unknown = CliRun.run(dir, Map.of(), "send", "-s", "nope", "-t", "x");
    assertThat(unknown.status).isEqualTo(1);
    assertThat(unknown.err).contains("unknown source 'nope' (defined: app, hooks)");

    CliRun badJson = CliRun.run(dir, Map.of(), "send", "-s", "app", "-t", "x", "{oops");
    assertThat(badJson.status).isEqualTo(1);
    assertThat(badJson.err).contains("not valid JSON");
  }

  @Test
  void startWithAnInvalidConfigPrintsTheProblemsAndExits1() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "server: { prot: 8080 }\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.run(dir, Map.of(), "-c", "bad.yaml");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("server.prot: unknown key (did you mean 'port'?)");
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
