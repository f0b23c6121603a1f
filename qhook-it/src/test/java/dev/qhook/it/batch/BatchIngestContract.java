package dev.qhook.it.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.EntryResult;
import dev.qhook.InboundRequest;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.StoreRefusedException;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.QHookServer;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.Store;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batch ingest ({@code QHook.ingestAll}, {@code POST /events/{source}}) on a real database and over
 * a real loopback server: one result per entry, one transaction, the same auth, limits and routing
 * as single events. Each database runs it through a subclass that opens a fresh store.
 */
abstract class BatchIngestContract {
  static final String TOKEN = "batch-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private RecordingReceiver receiver;
  private Store realStore;
  private SabotagedStore sabotaged;
  private QHook qhook;
  private QHookServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  /** A fresh, empty store of the database under test; closed by the test. */
  abstract Store openStore();

  /** Drops what {@link #openStore} made, after the store is closed. */
  void dropStore() {}

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
    realStore = openStore();
    sabotaged = new SabotagedStore(realStore);
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { allow_private_urls: true, max_body_size: 8192 }
            api: { auth_token: %s }
            sources:
              app: { type: event }
              strict: { type: event, schema: { type: object, required: [id] } }
              gh: { type: webhook, verify: github, secret: s3cret }
            handlers:
              orders:
                source: app
                events: ["order.*"]
                url: %s
              audit:
                source: strict
                url: %s
                idempotency_key: $.id
            """
                .formatted(TOKEN, receiver.url("/orders"), receiver.url("/audit")));
    qhook = QHook.builder().config(config).store(sabotaged.store).build();
    qhook.start();
    server = QHookServer.builder(qhook).host("127.0.0.1").port(0).start();
  }

  @AfterEach
  void stop() {
    server.close();
    qhook.close();
    realStore.close();
    receiver.close();
    dropStore();
  }

  // ---- the engine API ----

  @Test
  void ingestAllStoresEachEventWithItsJobsAndAnswersInOrder() {
    List<EntryResult> results =
        qhook.ingestAll(
            List.of(
                IngestRequest.of("app", "order.created", "{\"n\":1}"),
                IngestRequest.of("app", "user.created", "{\"n\":2}"),
                IngestRequest.of("strict", "audit.x", "{\"id\":\"a-1\"}")));

    assertThat(results).hasSize(3).allMatch(r -> r instanceof EntryResult.Ingested);
    IngestResult first = ingested(results.get(0));
    assertThat(first.duplicate()).isFalse();
    assertThat(first.jobsCreated()).isEqualTo(1);
    assertThat(ingested(results.get(1)).jobsCreated()).isZero(); // matches no handler: stored
    assertThat(ingested(results.get(2)).jobsCreated()).isEqualTo(1);
    assertThat(qhook.admin().event(ingested(results.get(1)).eventId())).isPresent();

    List<RecordedRequest> delivered = receiver.awaitRequests(2, WAIT);
    assertThat(delivered)
        .extracting(RecordedRequest::path)
        .containsExactlyInAnyOrder("/orders", "/audit");
    assertThat(receiver.requestsTo("/orders").get(0).header("X-Qhook-Event-ID"))
        .isEqualTo(first.eventId());
  }

  @Test
  void aKeyRepeatedInTheBatchOrKnownBeforeIsADuplicateOfTheFirst() {
    IngestResult earlier = qhook.ingest(IngestRequest.of("strict", "audit.x", "{\"id\":\"old\"}"));

    List<EntryResult> results =
        qhook.ingestAll(
            List.of(
                IngestRequest.of("strict", "audit.x", "{\"id\":\"new\"}"),
                IngestRequest.of("strict", "audit.x", "{\"id\":\"new\",\"again\":true}"),
                IngestRequest.of("strict", "audit.x", "{\"id\":\"old\"}"),
                new IngestRequest(
                    "app", "order.created", new byte[0], Map.of("Idempotency-Key", "h-1")),
                new IngestRequest(
                    "app", "order.created", new byte[0], Map.of("Idempotency-Key", "h-1"))));

    String firstNew = ingested(results.get(0)).eventId();
    assertThat(ingested(results.get(0)).duplicate()).isFalse();
    assertThat(ingested(results.get(1))).isEqualTo(new IngestResult(firstNew, true, 0, 0));
    assertThat(ingested(results.get(2))).isEqualTo(new IngestResult(earlier.eventId(), true, 0, 0));
    assertThat(ingested(results.get(4)))
        .isEqualTo(new IngestResult(ingested(results.get(3)).eventId(), true, 0, 0));
    assertThat(storedEvents()).hasSize(3);
    assertThat(qhook.admin().jobs(JobQuery.all()).items()).hasSize(3);
  }

  @Test
  void anEntryThatCannotBeStoredIsRejectedAloneAndTheOthersAreStored() {
    List<EntryResult> results =
        qhook.ingestAll(
            List.of(
                IngestRequest.of("app", "order.created", "{}"),
                IngestRequest.of("nowhere", "order.created", "{}"),
                IngestRequest.of("app", "order\ncreated", "{}"),
                IngestRequest.of("app", "", "{}")));

    assertThat(results.get(0)).isInstanceOf(EntryResult.Ingested.class);
    assertThat(results.subList(1, 4))
        .containsExactly(
            new EntryResult.Rejected(Rejection.NOT_FOUND, "unknown source 'nowhere'"),
            new EntryResult.Rejected(
                Rejection.BAD_REQUEST,
                "event type: must not contain control characters (U+000A at index 5)"),
            new EntryResult.Rejected(Rejection.BAD_REQUEST, "event type: must not be empty"));
    assertThat(storedEvents()).hasSize(1);
  }

  @Test
  void ingestAllTakesAtMostOneHundredEvents() {
    List<IngestRequest> tooMany =
        IntStream.rangeClosed(1, 101)
            .mapToObj(i -> IngestRequest.of("app", "order.created", "{}"))
            .toList();
    assertThatThrownBy(() -> qhook.ingestAll(tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a batch holds at most 100 events, was 101");
    assertThat(qhook.ingestAll(tooMany.subList(0, 100))).hasSize(100);
    assertThat(qhook.ingestAll(List.of())).isEmpty();
    assertThat(storedEvents()).hasSize(100);
  }

  /**
   * The batch is one transaction: the database fails on its last event, after inserting the others,
   * and none of them is stored; the database stays healthy for the next batch.
   */
  @Test
  void aStoreFailureMidBatchStoresNothingOfIt() {
    sabotaged.next = SabotagedStore.Sabotage.REUSE_FIRST_ID;
    List<IngestRequest> batch =
        IntStream.range(0, 10)
            .mapToObj(i -> IngestRequest.of("app", "order.created", "{\"n\":" + i + "}"))
            .toList();

    assertThatThrownBy(() -> qhook.ingestAll(batch)).isInstanceOf(StoreRefusedException.class);

    assertThat(storedEvents()).isEmpty();
    assertThat(qhook.admin().jobs(JobQuery.all()).items()).isEmpty();
    assertThat(qhook.isReady()).isTrue();
    assertThat(qhook.ingestAll(batch)).hasSize(10);
    assertThat(storedEvents()).hasSize(10);
  }

  // ---- over HTTP ----

  @Test
  void postingAnArrayAnswersOneResultPerEntryAndDeliversEachEvent() throws Exception {
    String body =
        """
        [{"type": "order.created", "payload": {"total": 1.50, "items": [1, 2]}},
         {"type": "order.paid", "payload": {"n": 2}, "idempotency_key": "pay-1"},
         {"type": "order.paid", "payload": {"n": 3}, "idempotency_key": "pay-1"},
         {"payload": {"n": 4}},
         {"type": "order.x", "payload": "text", "extra": 1}]""";

    HttpResponse<String> response = post("/events/app", body, true);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
    assertThat(answer.get("rejected").asInt()).isEqualTo(2);
    JsonNode results = answer.get("results");
    assertThat(results).hasSize(5);
    assertThat(results.get(0).get("event_id").asText()).hasSize(26);
    assertThat(results.get(0).get("duplicate").asBoolean()).isFalse();
    assertThat(results.get(0).get("jobs_created").asInt()).isEqualTo(1);
    assertThat(results.get(0).get("workflow_runs_started").asInt()).isZero();
    assertThat(results.get(2).get("event_id")).isEqualTo(results.get(1).get("event_id"));
    assertThat(results.get(2).get("duplicate").asBoolean()).isTrue();
    assertThat(results.get(2).get("jobs_created").asInt()).isZero();
    assertThat(results.get(3).get("error").get("code").asText()).isEqualTo("bad_request");
    assertThat(results.get(3).get("error").get("message").asText()).isEqualTo("type: is required");
    assertThat(results.get(4).get("error").get("message").asText())
        .isEqualTo("unknown field 'extra' (an entry has type, payload and idempotency_key)");

    List<RecordedRequest> delivered = receiver.awaitRequests(2, WAIT);
    assertThat(delivered)
        .extracting(RecordedRequest::bodyText)
        .containsExactlyInAnyOrder("{\"total\": 1.50, \"items\": [1, 2]}", "{\"n\": 2}");
    assertThat(delivered)
        .extracting(r -> r.header("X-Qhook-Event-Type"))
        .containsExactlyInAnyOrder("order.created", "order.paid");
    Event stored = qhook.admin().event(results.get(0).get("event_id").asText()).orElseThrow();
    assertThat(stored.contentType()).isEqualTo("application/json");
  }

  @Test
  void aSchemaViolationRejectsItsEntryWithDetails() throws Exception {
    HttpResponse<String> response =
        post(
            "/events/strict",
            "[{\"type\":\"a\",\"payload\":{\"id\":\"x\"}},{\"type\":\"a\",\"payload\":{}}]",
            true);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body()).get("results");
    assertThat(results.get(0).has("event_id")).isTrue();
    JsonNode error = results.get(1).get("error");
    assertThat(error.get("code").asText()).isEqualTo("schema_invalid");
    assertThat(error.get("message").asText()).isEqualTo("payload does not match the source schema");
    assertThat(error.get("details").get(0).get("path").asText()).isNotEmpty();
    assertThat(storedEvents()).hasSize(1);
  }

  @Test
  void theBatchRouteHasTheAuthAndLimitsOfSingleEvents() throws Exception {
    String one = "[{\"type\":\"order.created\",\"payload\":{}}]";
    assertThat(post("/events/app", one, false).statusCode()).isEqualTo(401);
    assertError(post("/events/nowhere", one, true), 404, "not_found");
    HttpResponse<String> webhook = post("/events/gh", one, true);
    assertError(webhook, 404, "not_found");
    assertThat(JSON.readTree(webhook.body()).get("message").asText())
        .isEqualTo(
            "source 'gh' is a webhook source: POST /events/gh takes batches for event and"
                + " outbound sources only (webhooks are verified one signed body at a time)");
    assertError(post("/events/app", "{\"type\":\"a\",\"payload\":1}", true), 400, "bad_request");
    assertError(post("/events/app", "[]", true), 400, "bad_request");
    String tooMany =
        IntStream.rangeClosed(1, 101).mapToObj(i -> "1").collect(Collectors.joining(",", "[", "]"));
    HttpResponse<String> overCount = post("/events/app", tooMany, true);
    assertError(overCount, 400, "bad_request");
    assertThat(JSON.readTree(overCount.body()).get("message").asText())
        .isEqualTo("a batch holds at most 100 events");
    // max_body_size (8192 here) applies to the whole batch.
    List<String> big = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      big.add("{\"type\":\"order.created\",\"payload\":\"" + "x".repeat(500) + "\"}");
    }
    assertError(
        post("/events/app", "[" + String.join(",", big) + "]", true), 413, "payload_too_large");
    HttpRequest keyed = request("/events/app", one, true).header("Idempotency-Key", "k").build();
    assertError(client.send(keyed, HttpResponse.BodyHandlers.ofString()), 400, "bad_request");
    HttpRequest latin1 =
        request("/events/app", "", true)
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'[', (byte) 0xe9, ']'}))
            .build();
    assertError(client.send(latin1, HttpResponse.BodyHandlers.ofString()), 400, "invalid_encoding");
    assertThat(storedEvents()).isEmpty();
    // An event type named like a route segment is still a single event.
    assertThat(post("/events/app/batch", "{}", true).statusCode()).isEqualTo(202);
  }

  @Test
  void aStoreFailureMidBatchAnswersAnErrorAndStoresNothing() throws Exception {
    String batch =
        IntStream.range(0, 5)
            .mapToObj(i -> "{\"type\":\"order.created\",\"payload\":" + i + "}")
            .collect(Collectors.joining(",", "[", "]"));

    sabotaged.next = SabotagedStore.Sabotage.REUSE_FIRST_ID;
    HttpResponse<String> refused = post("/events/app", batch, true);
    assertError(refused, 400, "bad_request");
    assertThat(JSON.readTree(refused.body()).get("message").asText())
        .startsWith("event refused by the database: ");
    assertThat(storedEvents()).isEmpty();

    sabotaged.next = SabotagedStore.Sabotage.UNAVAILABLE;
    HttpResponse<String> unavailable = post("/events/app", batch, true);
    assertError(unavailable, 503, "unavailable");
    assertThat(unavailable.headers().firstValue("Retry-After")).contains("30");
    assertThat(storedEvents()).isEmpty();

    assertThat(post("/events/app", batch, true).statusCode()).isEqualTo(200);
    assertThat(storedEvents()).hasSize(5);
    assertThat(receiver.awaitRequests(5, WAIT)).hasSize(5);
  }

  @Test
  void receiveAnswersTheSameToAnEmbeddingApplication() {
    Received received =
        qhook.receive(
            InboundRequest.eventBatch("app")
                .body(
                    "[{\"type\":\"order.created\",\"payload\":{\"a\":1}},"
                        + "{\"type\":7,\"payload\":1},"
                        + "{\"type\":\"t\",\"payload\":1,\"idempotency_key\":\"a\\u0000\"}]")
                .build());

    assertThat(received)
        .isInstanceOfSatisfying(
            Received.Batch.class,
            batch -> {
              assertThat(batch.httpStatus()).isEqualTo(200);
              assertThat(batch.accepted()).isEqualTo(1);
              assertThat(batch.rejected()).isEqualTo(2);
              assertThat(batch.results().subList(1, 3))
                  .containsExactly(
                      new EntryResult.Rejected(
                          Rejection.BAD_REQUEST, "type: must be a string, was a number"),
                      new EntryResult.Rejected(
                          Rejection.BAD_REQUEST,
                          "idempotency_key: must not contain NUL (at index 1)"));
            });
  }

  // ---- helpers ----

  private static IngestResult ingested(EntryResult result) {
    assertThat(result).isInstanceOf(EntryResult.Ingested.class);
    return ((EntryResult.Ingested) result).result();
  }

  private List<Event> storedEvents() {
    return qhook
        .admin()
        .events(new EventQuery(null, null, null, null, null, EventQuery.MAX_LIMIT, false))
        .items();
  }

  private HttpRequest.Builder request(String path, String body, boolean withToken) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.localUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (withToken) {
      builder.header("Authorization", "Bearer " + TOKEN);
    }
    return builder;
  }

  private HttpResponse<String> post(String path, String body, boolean withToken)
      throws IOException, InterruptedException {
    return client.send(
        request(path, body, withToken).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
  }
}
