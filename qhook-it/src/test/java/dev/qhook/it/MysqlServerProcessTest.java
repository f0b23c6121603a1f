package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server started with {@code driver: mysql} on a real MySQL or MariaDB server: it
 * migrates the database, accepts events, delivers each once, answers a repeated idempotency key as
 * a duplicate, and a second start on the same database finds the schema in place.
 */
@EnabledIfEnvironmentVariable(named = MysqlDatabase.URL_VARIABLE, matches = ".+")
class MysqlServerProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final MysqlDatabase database = new MysqlDatabase("qhook_server_");

  @AfterEach
  void dropDatabase() {
    database.drop();
  }

  @Test
  void aServerOnMysqlDeliversEveryAcceptedEventOnce() throws Exception {
    database.create();
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      int port = ServerProcess.freePort();
      Path config = dir.resolve("qhook.yaml");
      Files.writeString(
          config,
          """
          server: { host: 127.0.0.1, port: %d, allow_private_urls: true }
          database: { driver: mysql, url: "%s" }
          sources:
            app: { type: event }
          handlers:
            sink: { source: app, url: %s }
          """
              .formatted(port, database.url(), receiver.url("/sink")));

      List<String> accepted = new ArrayList<>();
      try (ServerProcess server = ServerProcess.start(dir, config, port, "first.log")) {
        for (int i = 0; i < 10; i++) {
          accepted.add(eventId(server.post("/events/app/order.created", "{\"n\":" + i + "}")));
        }
        HttpResponse<String> keyed = postWithKey(server, "order-7");
        HttpResponse<String> again = postWithKey(server, "order-7");
        accepted.add(eventId(keyed));
        JsonNode duplicate = JSON.readTree(again.body());
        assertThat(duplicate.get("duplicate").asBoolean()).as(again.body()).isTrue();
        assertThat(duplicate.get("event_id").asText()).isEqualTo(eventId(keyed));

        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> deliveredEventIds(receiver).containsAll(accepted));
        assertThat(receiver.requests()).hasSize(accepted.size());
      }

      try (ServerProcess second = ServerProcess.start(dir, config, port, "second.log")) {
        assertThat(eventId(second.post("/events/app/order.created", "{}"))).isNotBlank();
        receiver.awaitRequests(accepted.size() + 1, Duration.ofSeconds(30));
      }
    }
  }

  private static HttpResponse<String> postWithKey(ServerProcess server, String key)
      throws Exception {
    return server.post(
        "/events/app/order.paid",
        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/json", "Idempotency-Key", key));
  }

  private static String eventId(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    return JSON.readTree(response.body()).get("event_id").asText();
  }

  private static Set<String> deliveredEventIds(RecordingReceiver receiver) {
    return receiver.requests().stream()
        .map(r -> r.header("x-qhook-event-id"))
        .collect(Collectors.toSet());
  }
}
