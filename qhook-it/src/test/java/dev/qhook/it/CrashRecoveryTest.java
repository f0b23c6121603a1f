package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL right after answering 202 loses nothing: restarted on the same
 * SQLite file, it delivers every accepted event, including those whose delivery was in flight.
 */
class CrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 20;

  @TempDir Path dir;

  @Test
  void everyAcceptedEventIsDeliveredAfterAKillAndRestart() throws Exception {
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      // The first process finds a handler that hangs: deliveries are in flight when it dies.
      receiver.respondByDefault(new Response(200, Map.of(), "", Duration.ofSeconds(60)));
      int port = ServerProcess.freePort();
      Path config = dir.resolve("qhook.yaml");
      Files.writeString(
          config,
          """
          server: { host: 127.0.0.1, port: %d, allow_private_urls: true }
          database: { url: "sqlite:qhook.db" }
          sources:
            app: { type: event }
          handlers:
            sink: { source: app, url: %s, timeout: 120s }
          """
              .formatted(port, receiver.url("/sink")));

      List<String> accepted = new ArrayList<>();
      ServerProcess first = ServerProcess.start(dir, config, port, "first.log");
      for (int i = 0; i < EVENTS; i++) {
        HttpResponse<String> response =
            first.post("/events/app/order.created", "{\"n\":" + i + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        accepted.add(JSON.readTree(response.body()).get("event_id").asText());
      }
      receiver.awaitRequests(1, Duration.ofSeconds(20));
      first.kill();

      receiver.respondByDefault(Response.status(200));
      try (ServerProcess second = ServerProcess.start(dir, config, port, "second.log")) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> deliveredEventIds(receiver).containsAll(accepted));
      }
      assertThat(Files.exists(dir.resolve("qhook.db"))).isTrue();
    }
  }

  private static Set<String> deliveredEventIds(RecordingReceiver receiver) {
    return receiver.requests().stream()
        .map(r -> r.header("x-qhook-event-id"))
        .collect(Collectors.toSet());
  }
}
