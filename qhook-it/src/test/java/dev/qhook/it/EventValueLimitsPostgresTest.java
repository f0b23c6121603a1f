package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.InboundRequest;
import dev.qhook.IngestRequest;
import dev.qhook.InvalidEventException;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.EventQuery;
import dev.qhook.testkit.RecordingReceiver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Regression (issue 10, item 2): NUL and over-long values used to fail the PostgreSQL insert, so
 * the client got 503 "try again" forever and three such requests marked the database unhealthy.
 * They are refused at ingest, naming the value (docs/reference/http-api.md, "Limits of event
 * values"), and the database stays healthy.
 */
@EnabledIfEnvironmentVariable(named = "QHOOK_TEST_POSTGRES_URL", matches = ".+")
class EventValueLimitsPostgresTest {
  private static final String URL = System.getenv("QHOOK_TEST_POSTGRES_URL");
  private final String schema =
      "qhook_limits_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private RecordingReceiver receiver;
  private JdbcStore store;
  private QHook qhook;

  @BeforeEach
  void start() throws SQLException {
    execute("CREATE SCHEMA " + schema);
    receiver = RecordingReceiver.start();
    store = JdbcStore.postgres(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    qhook =
        QHook.builder()
            .config(
                QHookConfig.fromYaml(
                    """
                    server: { allow_private_urls: true }
                    sources:
                      app: { type: event }
                    handlers:
                      h:
                        source: app
                        url: %s
                        idempotency_key: $.id
                        ordering_key: $.customer
                    """
                        .formatted(receiver.url("/h"))))
            .store(store)
            .build();
    qhook.start();
  }

  @AfterEach
  void stop() throws SQLException {
    qhook.close();
    store.close();
    receiver.close();
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Received receive(String type, String body, Map<String, String> headers) {
    InboundRequest.Builder request = InboundRequest.event("app", type).body(body);
    headers.forEach(request::header);
    return qhook.receive(request.build());
  }

  private static void assertBadRequest(Received received, String message) {
    assertThat(received)
        .isInstanceOfSatisfying(
            Received.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Rejection.BAD_REQUEST);
              assertThat(rejected.httpStatus()).isEqualTo(400);
              assertThat(rejected.code()).isEqualTo("bad_request");
              assertThat(rejected.message()).isEqualTo(message);
            });
  }

  @Test
  void poisonValuesAreRefusedNamingTheValueAndTheDatabaseStaysHealthy() {
    assertBadRequest(
        receive("order\u0000created", "{}", Map.of()),
        "event type: must not contain control characters (U+0000 at index 5)");
    assertBadRequest(
        receive("order.created", "{}", Map.of("Idempotency-Key", "k\u0000")),
        "header Idempotency-Key: must not contain NUL (at index 1)");
    assertBadRequest(
        receive("order.created", "{\"id\": \"a\\u0000b\"}", Map.of()),
        "handlers.h.idempotency_key ($.id): must not contain NUL (at index 1)");
    assertBadRequest(
        receive("order.created", "{\"customer\": \"\\u0000\"}", Map.of()),
        "handlers.h.ordering_key ($.customer): must not contain NUL (at index 0)");
    assertBadRequest(
        receive("t".repeat(257), "{}", Map.of()),
        "event type: must be at most 256 characters, was 257");
    assertBadRequest(
        receive("order.created", "{\"customer\": \"" + "c".repeat(257) + "\"}", Map.of()),
        "handlers.h.ordering_key ($.customer): must be at most 256 characters, was 257");
    assertBadRequest(
        receive("order.created", "{}", Map.of("ce-note", "a\u0007")),
        "header ce-note: must not contain control characters (U+0007 at index 1)");

    assertThat(qhook.isReady()).as(qhook.notReadyReason()).isTrue();
    assertThat(
            receive(
                "t".repeat(256),
                "{\"id\": \"ok\", \"customer\": \"" + "c".repeat(256) + "\"}",
                Map.of()))
        .isInstanceOf(Received.Accepted.class);
    assertThat(qhook.admin().events(EventQuery.all()).items()).hasSize(1);
  }

  @Test
  void ingestThrowsNamingTheValueBeforeAnythingIsQueued() {
    assertThatThrownBy(() -> qhook.ingest(IngestRequest.of("app", "a\u0000b", "{}")))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> {
              assertThat(e.field()).isEqualTo("event type");
              assertThat(e.getMessage())
                  .isEqualTo("event type: must not contain control characters (U+0000 at index 1)");
            });
    assertThatThrownBy(
            () ->
                qhook.ingestAsync(
                    IngestRequest.of("app", "order.created", "{\"id\": \"\\u0000\"}")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("handlers.h.idempotency_key ($.id): must not contain NUL (at index 0)");
    assertThatThrownBy(
            () ->
                qhook.ingest(
                    new IngestRequest(
                        "app", "order.created", new byte[0], Map.of(), "fallback\u0000")))
        .isInstanceOf(InvalidEventException.class);

    assertThat(qhook.isReady()).as(qhook.notReadyReason()).isTrue();
    assertThat(qhook.admin().events(EventQuery.all()).items()).isEmpty();
  }
}
