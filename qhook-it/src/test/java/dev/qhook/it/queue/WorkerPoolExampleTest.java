package dev.qhook.it.queue;

import static dev.qhook.it.queue.QueueApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QHook;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.LoadedConfig;
import dev.qhook.server.QHookServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/worker-pool/qhook.yaml as a user runs it, on a SQLite file and over HTTP: the pull loop
 * of the README (receive, ack, nack), ordering per customer, the dead-letter queue after 5
 * deliveries, and each worker key reaching only its own queue.
 */
class WorkerPoolExampleTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "worker-pool", "qhook.yaml");
  private static final String API = "api-secret";
  private static final String ORDERS = "orders-secret";
  private static final String AUDIT = "audit-secret";

  @TempDir Path dir;
  private QHook qhook;
  private QHookServer server;
  private QueueApiClient api;

  @BeforeEach
  void start() {
    LoadedConfig loaded =
        ConfigLoader.builder()
            .environment(
                Map.of(
                    "DATABASE_URL", "sqlite:" + dir.resolve("qhook.db"),
                    "QHOOK_API_TOKEN", API,
                    "ORDERS_WORKER_KEY", ORDERS,
                    "AUDIT_WORKER_KEY", AUDIT))
            .build()
            .load(EXAMPLE);
    assertThat(loaded.warnings()).isEmpty();
    qhook = QHook.builder().config(loaded.config()).build();
    qhook.start();
    server = QHookServer.builder(qhook).host("127.0.0.1").port(0).start();
    api = new QueueApiClient(server.localUri());
  }

  @AfterEach
  void stop() {
    server.close();
    qhook.close();
  }

  @Test
  void workersPullOrdersOneAtATimePerCustomerAndFailuresEndInTheDeadLetterQueue() {
    post("/events/shop/orders.created", "{\"order_id\":1,\"customer_id\":\"c1\",\"total\":20}");
    post("/events/shop/orders.paid", "{\"order_id\":1,\"customer_id\":\"c1\",\"total\":20}");
    post("/events/shop/orders.created", "{\"order_id\":2,\"customer_id\":\"c2\",\"total\":5000}");

    JsonNode first = receive("orders", ORDERS);
    assertThat(first)
        .extracting(m -> m.get("payload").get("customer_id").asText())
        .containsExactly("c1", "c2");
    String c1 = first.get(0).get("id").asText();
    String c2 = first.get(1).get("id").asText();
    assertThat(
            call("POST", "/api/queues/orders/ack", "{\"ids\":[\"" + c1 + "\"]}", ORDERS)
                .get("acked")
                .asInt())
        .isEqualTo(1);
    call("POST", "/api/queues/orders/nack", "{\"ids\":[\"" + c2 + "\"],\"delay\":0}", ORDERS);

    JsonNode second = receive("orders", ORDERS);
    assertThat(second)
        .extracting(m -> m.get("event_type").asText())
        .containsExactly("orders.paid", "orders.created");
    assertThat(second.get(1).get("attempt").asInt()).isEqualTo(1);
    call(
        "POST",
        "/api/queues/orders/ack",
        "{\"ids\":[\"" + second.get(0).get("id").asText() + "\"]}",
        ORDERS);
    for (int delivery = 2; delivery <= 5; delivery++) {
      call("POST", "/api/queues/orders/nack", "{\"ids\":[\"" + c2 + "\"],\"delay\":0}", ORDERS);
      if (delivery < 5) {
        assertThat(receive("orders", ORDERS).get(0).get("id").asText()).isEqualTo(c2);
      }
    }
    JsonNode dlq = call("GET", "/api/queues/orders/dlq", null, API).get("messages");
    assertThat(dlq).extracting(m -> m.get("id").asText()).containsExactly(c2);
    assertThat(dlq.get(0).get("attempt").asInt()).isEqualTo(5);

    JsonNode audit = receive("audit", AUDIT);
    assertThat(audit).extracting(m -> m.get("payload").get("order_id").asInt()).containsExactly(2);
    assertThat(status("/api/queues/orders/messages", AUDIT)).isEqualTo(401);
    assertThat(status("/api/queues/audit/messages", ORDERS)).isEqualTo(401);
    assertThat(status("/api/queues", ORDERS)).isEqualTo(401);
  }

  private void post(String path, String body) {
    HttpResponse<String> r = api.post(path, body, API);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private JsonNode receive(String queue, String key) {
    return ok(api.get("/api/queues/" + queue + "/messages?batch=10&wait=5s", key)).get("messages");
  }

  private JsonNode call(String method, String path, @Nullable String body, String token) {
    return ok(
        method.equals("GET")
            ? api.get(path, token)
            : api.post(path, body == null ? "" : body, token));
  }

  private int status(String path, String token) {
    return api.get(path, token).statusCode();
  }
}
