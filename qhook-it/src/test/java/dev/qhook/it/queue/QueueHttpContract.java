package dev.qhook.it.queue;

import static dev.qhook.it.queue.QueueApiClient.assertBadRequest;
import static dev.qhook.it.queue.QueueApiClient.assertError;
import static dev.qhook.it.queue.QueueApiClient.ids;
import static dev.qhook.it.queue.QueueApiClient.ok;
import static dev.qhook.it.queue.QueueApiClient.only;
import static dev.qhook.it.queue.QueueApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.QHookServer;
import dev.qhook.spi.Store;
import dev.qhook.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull queue routes (docs/reference/http-api.md, "Pull queues") over a real loopback server on
 * a real database: receive with long poll, ack, nack, extend, per-queue keys, parameter errors, and
 * the management routes. Each database runs it through a subclass that opens a fresh store. The
 * engine's clock is a {@link ManualClock}: lapsed leases and retry delays come by moving it, and
 * the long-poll waits stay on real time, as a consumer's wait is.
 */
abstract class QueueHttpContract {
  static final String TOKEN = "api-token";
  static final String ORDERS_KEY = "orders-key";

  private Store store;
  private QHook qhook;
  private QHookServer server;
  private QueueApiClient api;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));

  /** A fresh, empty store of the database under test; closed by the test. */
  abstract Store openStore();

  /** Drops what {@link #openStore} made, after the store is closed. */
  void dropStore() {}

  @BeforeEach
  void start() {
    store = openStore();
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            api: { auth_token: %s }
            sources:
              shop: { type: event }
            queues:
              orders:
                source: shop
                events: ["order.*"]
                ordering_key: $.customer
                max_attempts: 2
                api_key: %s
              audit:
                source: shop
                visibility_timeout: 5s
                retry: { max: 3, backoff: fixed, interval: 1s, jitter: false }
            """
                .formatted(TOKEN, ORDERS_KEY));
    qhook = QHook.builder().config(config).store(store).clock(clock).build();
    qhook.start();
    server = QHookServer.builder(qhook).host("127.0.0.1").port(0).clock(clock).start();
    api = new QueueApiClient(server.localUri());
  }

  @AfterEach
  void stop() {
    server.close();
    qhook.close();
    store.close();
    dropStore();
  }

  // ---- consumer routes ----

  @Test
  void receiveLeasesMessagesWithTheirFieldsAndAckCompletesThem() {
    String eventId = ingest("order.created", "{\"customer\":\"c1\",\"total\":12}");
    ingest("order.created", "{\"customer\":\"c2\"}");
    ingest("user.created", "{\"customer\":\"c3\"}"); // audit only

    JsonNode received = ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY));
    JsonNode messages = received.get("messages");
    assertThat(messages).hasSize(2);
    JsonNode first = messages.get(0);
    assertThat(first.get("event_id").asText()).isEqualTo(eventId);
    assertThat(first.get("event_type").asText()).isEqualTo("order.created");
    assertThat(first.get("payload").get("total").asInt()).isEqualTo(12);
    assertThat(first.get("headers").get("content-type").asText()).isEqualTo("application/json");
    assertThat(first.get("attempt").asInt()).isZero();
    assertThat(first.get("created_at").asText()).endsWith("Z");
    assertThat(first.get("lease_expires_at").asText()).endsWith("Z");

    JsonNode acked =
        ok(api.post("/api/queues/orders/ack", "{\"ids\":" + ids(messages) + "}", ORDERS_KEY));
    assertThat(acked.get("acked").asInt()).isEqualTo(2);
    assertThat(
            ok(api.post("/api/queues/orders/ack", "{\"ids\":" + ids(messages) + "}", ORDERS_KEY))
                .get("acked")
                .asInt())
        .as("ids no longer in flight are ignored")
        .isZero();
    JsonNode detail = ok(api.get("/api/queues/orders", TOKEN));
    assertThat(detail.get("completed").asLong()).isEqualTo(2);
    assertThat(detail.get("depth").asLong()).isZero();
    assertThat(detail.get("in_flight").asLong()).isZero();
  }

  @Test
  void aLongPollAnswersSoonAfterAnIngestAndEmptyWhenTheWaitEnds() throws Exception {
    long before = System.nanoTime();
    JsonNode empty = ok(api.get("/api/queues/audit/messages?wait=300ms", TOKEN));
    assertThat(empty.get("messages")).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - before))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));

    CompletableFuture<HttpResponse<String>> polling =
        api.getLater("/api/queues/audit/messages?wait=20s&batch=5", TOKEN);
    // The poll keeps waiting while nothing is ingested.
    Awaitility.await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !polling.isDone());
    long ingested = System.nanoTime();
    ingest("user.created", "{\"n\":1}");
    HttpResponse<String> answer = polling.get(10, java.util.concurrent.TimeUnit.SECONDS);
    Duration latency = Duration.ofNanos(System.nanoTime() - ingested);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(read(answer).get("messages")).hasSize(1);
    assertThat(latency).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void nackRetriesThenSendsTheMessageDeadAndRedriveResetsTheCount() {
    ingest("order.created", "{\"customer\":\"c1\"}");
    String id = only(ok(api.get("/api/queues/orders/messages", ORDERS_KEY))).get("id").asText();

    JsonNode retried =
        ok(
            api.post(
                "/api/queues/orders/nack", "{\"ids\":[\"" + id + "\"],\"delay\":0}", ORDERS_KEY));
    assertThat(retried.get("retried").asInt()).isEqualTo(1);
    assertThat(retried.get("dead").asInt()).isZero();
    JsonNode again = only(ok(api.get("/api/queues/orders/messages", ORDERS_KEY)));
    assertThat(again.get("attempt").asInt()).isEqualTo(1);

    JsonNode dead =
        ok(api.post("/api/queues/orders/nack", "{\"ids\":[\"" + id + "\"]}", ORDERS_KEY));
    assertThat(dead.get("dead").asInt()).isEqualTo(1);
    JsonNode dlq = ok(api.get("/api/queues/orders/dlq", TOKEN));
    assertThat(dlq.get("messages")).hasSize(1);
    assertThat(dlq.get("messages").get(0).get("id").asText()).isEqualTo(id);
    assertThat(dlq.get("messages").get(0).get("attempt").asInt()).isEqualTo(2);
    assertThat(dlq.get("messages").get(0).get("last_error").asText()).isNotEmpty();
    assertThat(dlq.get("messages").get(0).get("completed_at").asText()).endsWith("Z");
    assertThat(dlq.get("has_more").asBoolean()).isFalse();
    assertThat(ok(api.get("/api/stats", TOKEN)).get("queues").get("orders").get("dead").asLong())
        .isEqualTo(1);

    JsonNode redriven =
        ok(api.post("/api/queues/orders/dlq/redrive", "{\"ids\":[\"" + id + "\"]}", TOKEN));
    assertThat(redriven.get("redriven").asInt()).isEqualTo(1);
    assertThat(only(ok(api.get("/api/queues/orders/messages", ORDERS_KEY))).get("attempt").asInt())
        .isZero();
  }

  @Test
  void nackWithoutDelayFollowsTheRetryBlockAndExtendMovesTheLease() {
    ingest("user.created", "{}");
    JsonNode message = only(ok(api.get("/api/queues/audit/messages", TOKEN)));
    String id = message.get("id").asText();

    JsonNode extended =
        ok(
            api.post(
                "/api/queues/audit/extend", "{\"ids\":[\"" + id + "\"],\"seconds\":600}", TOKEN));
    assertThat(extended.get("extended").asInt()).isEqualTo(1);
    assertThat(ok(api.get("/api/queues/audit", TOKEN)).get("in_flight").asLong()).isEqualTo(1);

    ok(api.post("/api/queues/audit/nack", "{\"ids\":[\"" + id + "\"]}", TOKEN));
    JsonNode detail = ok(api.get("/api/queues/audit", TOKEN));
    assertThat(detail.get("delayed").asLong()).as("the retry block's 1 s delay").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    JsonNode later = only(ok(api.get("/api/queues/audit/messages?wait=10s", TOKEN)));
    assertThat(later.get("id").asText()).isEqualTo(id);
    assertThat(later.get("attempt").asInt()).isEqualTo(1);
  }

  @Test
  void anOrderingKeyHasAtMostOneMessageInFlight() {
    ingest("order.created", "{\"customer\":\"c1\",\"n\":1}");
    ingest("order.updated", "{\"customer\":\"c1\",\"n\":2}");
    ingest("order.created", "{\"customer\":\"c2\",\"n\":3}");

    JsonNode first =
        ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)).get("messages");
    assertThat(first).extracting(m -> m.get("payload").get("n").asInt()).containsExactly(1, 3);
    assertThat(ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)).get("messages"))
        .isEmpty();
    ok(api.post("/api/queues/orders/ack", "{\"ids\":" + ids(first) + "}", ORDERS_KEY));
    JsonNode next = only(ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)));
    assertThat(next.get("payload").get("n").asInt()).isEqualTo(2);
  }

  @Test
  void aQueueKeyGuardsItsConsumerRoutesAndTheApiTokenTheOthers() {
    assertError(api.get("/api/queues/orders/messages", null), 401, "unauthorized");
    assertError(api.get("/api/queues/orders/messages", TOKEN), 401, "unauthorized");
    assertError(api.post("/api/queues/orders/ack", "{\"ids\":[]}", "wrong"), 401, "unauthorized");
    assertThat(api.get("/api/queues/orders/messages", ORDERS_KEY).statusCode()).isEqualTo(200);
    // A queue without a key takes the API token.
    assertError(api.get("/api/queues/audit/messages", ORDERS_KEY), 401, "unauthorized");
    assertThat(api.get("/api/queues/audit/messages", TOKEN).statusCode()).isEqualTo(200);
    // Management needs the API token, not a queue key.
    assertError(api.get("/api/queues/orders", ORDERS_KEY), 401, "unauthorized");
    assertError(api.post("/api/queues/orders/drain", "", ORDERS_KEY), 401, "unauthorized");
    // An unknown queue: the token first, so that names cannot be probed.
    assertError(api.get("/api/queues/nope/messages", null), 401, "unauthorized");
    assertError(api.get("/api/queues/nope/messages", TOKEN), 404, "not_found");
    assertError(api.post("/api/queues/nope/ack", "{\"ids\":[]}", TOKEN), 404, "not_found");
    assertError(api.get("/api/queues/nope", TOKEN), 404, "not_found");
    assertError(api.get("/api/queues/nope/dlq", TOKEN), 404, "not_found");
  }

  @Test
  void badParametersAre400NamingTheParameterAndABigBatchIsClamped() throws Exception {
    assertBadRequest(api.get("/api/queues/audit/messages?batch=0", TOKEN), "batch: ");
    assertBadRequest(api.get("/api/queues/audit/messages?batch=ten", TOKEN), "batch: ");
    assertBadRequest(api.get("/api/queues/audit/messages?wait=forever", TOKEN), "wait: ");
    assertBadRequest(api.get("/api/queues/audit/messages?wait=-1s", TOKEN), "wait: ");
    assertBadRequest(api.post("/api/queues/audit/ack", "{}", TOKEN), "ids: ");
    assertBadRequest(api.post("/api/queues/audit/ack", "{\"ids\":[1]}", TOKEN), "ids: ");
    assertBadRequest(api.post("/api/queues/audit/ack", "not json", TOKEN), "malformed JSON body");
    assertBadRequest(
        api.post("/api/queues/audit/nack", "{\"ids\":[],\"delay\":43201}", TOKEN), "delay: ");
    assertBadRequest(
        api.post("/api/queues/audit/nack", "{\"ids\":[],\"delay\":\"5s\"}", TOKEN), "delay: ");
    assertBadRequest(api.post("/api/queues/audit/extend", "{\"ids\":[]}", TOKEN), "seconds: ");
    assertBadRequest(
        api.post("/api/queues/audit/extend", "{\"ids\":[],\"seconds\":0}", TOKEN), "seconds: ");
    assertBadRequest(api.get("/api/queues/audit/dlq?limit=0", TOKEN), "limit: ");

    String batch =
        IntStream.range(0, 101)
            .mapToObj(i -> "{\"type\":\"user.created\",\"payload\":{\"n\":" + i + "}}")
            .collect(Collectors.joining(",", "[", "]"));
    assertThat(
            api.post("/events/shop", batch.substring(0, batch.lastIndexOf(",{")) + "]", TOKEN)
                .statusCode())
        .isEqualTo(200);
    ingest("user.created", "{\"n\":100}");
    JsonNode clamped = ok(api.get("/api/queues/audit/messages?batch=1000&wait=90s", TOKEN));
    assertThat(clamped.get("messages")).hasSize(100);
    assertThat(
            only(ok(api.get("/api/queues/audit/messages", TOKEN))).get("payload").get("n").asInt())
        .isEqualTo(100);
  }

  // ---- management routes ----

  @Test
  void listAndDetailShowCountsAndTheOldestMessageWithoutLeasingIt() {
    String first = ingest("order.created", "{\"customer\":\"c1\"}");
    ingest("order.created", "{\"customer\":\"c2\"}");

    JsonNode list = ok(api.get("/api/queues", TOKEN)).get("queues");
    assertThat(list).extracting(q -> q.get("name").asText()).containsExactly("orders", "audit");
    assertThat(list.get(0).get("source").asText()).isEqualTo("shop");
    assertThat(list.get(0).get("events").get(0).asText()).isEqualTo("order.*");
    assertThat(list.get(0).get("visibility_timeout").asInt()).isEqualTo(30);
    assertThat(list.get(0).get("depth").asLong()).isEqualTo(2);
    assertThat(list.get(1).get("visibility_timeout").asInt()).isEqualTo(5);

    JsonNode detail = ok(api.get("/api/queues/orders", TOKEN));
    assertThat(detail.get("max_attempts").asInt()).isEqualTo(2);
    assertThat(detail.get("ordering_key").asText()).isEqualTo("$.customer");
    assertThat(detail.get("oldest_message").get("event_id").asText()).isEqualTo(first);
    assertThat(detail.get("oldest_message").get("lease_expires_at").isNull()).isTrue();
    JsonNode peeked = ok(api.get("/api/queues/orders/peek?limit=5", TOKEN)).get("messages");
    assertThat(peeked).extracting(m -> m.get("event_id").asText()).startsWith(first).hasSize(2);
    assertThat(ok(api.get("/api/queues/orders/peek", TOKEN)).get("messages")).hasSize(1);
    assertThat(
            only(ok(api.get("/api/queues/orders/messages", ORDERS_KEY))).get("event_id").asText())
        .as("the detail leased nothing")
        .isEqualTo(first);
    JsonNode all = ok(api.get("/api/stats", TOKEN));
    JsonNode stats = all.get("queues");
    assertThat(stats.get("orders").get("depth").asLong()).isEqualTo(1);
    assertThat(stats.get("orders").get("in_flight").asLong()).isEqualTo(1);
    assertThat(stats.get("audit").get("depth").asLong()).isEqualTo(2);
    assertThat(all.get("events_by_source").get("shop").asLong()).isEqualTo(2);
    JsonNode jobs = all.get("jobs_by_status");
    assertThat(jobs.get("available").asLong()).isEqualTo(3);
    assertThat(jobs.get("running").asLong()).isEqualTo(1);
    assertThat(jobs.get("dead").asLong()).isZero();
    assertThat(all.get("handlers").isEmpty()).as("no handlers configured").isTrue();
  }

  @Test
  void theDeadLetterQueuePagesRedrivesAllAndIsDeletedAndDrainEmptiesTheQueue() {
    List<String> dead = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ingest("order.created", "{\"customer\":\"c" + i + "\"}");
    }
    for (int round = 0; round < 2; round++) {
      JsonNode got =
          ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)).get("messages");
      ok(api.post("/api/queues/orders/nack", "{\"ids\":" + ids(got) + ",\"delay\":0}", ORDERS_KEY));
      if (round == 1) {
        got.forEach(m -> dead.add(m.get("id").asText()));
      }
    }
    JsonNode page = ok(api.get("/api/queues/orders/dlq?limit=2", TOKEN));
    assertThat(page.get("messages")).hasSize(2);
    assertThat(page.get("has_more").asBoolean()).isTrue();
    String after = page.get("messages").get(1).get("id").asText();
    JsonNode rest = ok(api.get("/api/queues/orders/dlq?limit=2&after=" + after, TOKEN));
    assertThat(rest.get("messages")).hasSize(1);
    assertThat(rest.get("has_more").asBoolean()).isFalse();

    assertThat(ok(api.post("/api/queues/orders/dlq/redrive", "", TOKEN)).get("redriven").asInt())
        .isEqualTo(3);
    JsonNode back = ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)).get("messages");
    assertThat(back).hasSize(3);
    ok(api.post("/api/queues/orders/nack", "{\"ids\":" + ids(back) + ",\"delay\":0}", ORDERS_KEY));
    back = ok(api.get("/api/queues/orders/messages?batch=10", ORDERS_KEY)).get("messages");
    ok(api.post("/api/queues/orders/nack", "{\"ids\":" + ids(back) + "}", ORDERS_KEY));
    assertThat(ok(api.delete("/api/queues/orders/dlq", TOKEN)).get("deleted").asInt()).isEqualTo(3);
    assertThat(ok(api.get("/api/queues/orders/dlq", TOKEN)).get("messages")).isEmpty();

    ingest("order.created", "{\"customer\":\"x\"}");
    ingest("user.created", "{}");
    ok(api.get("/api/queues/audit/messages", TOKEN)); // one in flight, the rest visible
    int audit = ok(api.get("/api/queues/audit", TOKEN)).get("depth").asInt() + 1;
    assertThat(ok(api.post("/api/queues/audit/drain", "", TOKEN)).get("deleted").asInt())
        .isEqualTo(audit);
    JsonNode drained = ok(api.get("/api/queues/audit", TOKEN));
    assertThat(drained.get("depth").asLong() + drained.get("in_flight").asLong()).isZero();
    assertThat(ok(api.get("/api/queues/orders", TOKEN)).get("depth").asLong())
        .as("other queues keep their messages")
        .isEqualTo(1);
  }

  @Test
  void aLeaseThatLapsesMakesTheMessageVisibleAgainAsADelivery() {
    ingest("user.created", "{}");
    String id = only(ok(api.get("/api/queues/audit/messages", TOKEN))).get("id").asText();
    ok(api.post("/api/queues/audit/extend", "{\"ids\":[\"" + id + "\"],\"seconds\":1}", TOKEN));
    assertThat(ok(api.get("/api/queues/audit", TOKEN)).get("depth").asLong()).isZero();

    clock.advance(Duration.ofSeconds(2)); // the lease-expiry sweep runs before this returns

    assertThat(ok(api.get("/api/queues/audit", TOKEN)).get("depth").asLong()).isEqualTo(1);
    JsonNode again = only(ok(api.get("/api/queues/audit/messages", TOKEN)));
    assertThat(again.get("id").asText()).isEqualTo(id);
    assertThat(again.get("attempt").asInt()).isEqualTo(1);
  }

  // ---- helpers ----

  private String ingest(String type, String body) {
    HttpResponse<String> response = api.post("/events/shop/" + type, body, TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return read(response).get("event_id").asText();
  }
}
