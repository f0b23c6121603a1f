package dev.qhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.InboundRequest;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.QHookConfig;
import dev.qhook.spi.EventQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * An event whose value PostgreSQL refuses, group-committed together with good events: the good ones
 * are stored and answered, the poison one is a client error, and the database stays healthy
 * (docs/configuration.md, "Stores"). The refusal comes from a check constraint on the event type,
 * so no validation in front of the store can catch it first.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PoisonEventTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final PostgresTestDatabase database = new PostgresTestDatabase();
  private JdbcStore store;
  private QHook qhook;

  @BeforeEach
  void start() {
    store = database.freshStore();
    PostgresTestDatabase.execute(
        "ALTER TABLE "
            + database.schema()
            + ".events ADD CONSTRAINT no_poison CHECK (event_type <> 'poison')");
    qhook =
        QHook.builder()
            .config(QHookConfig.fromYaml("sources:\n  app: { type: event }\n"))
            .store(store)
            .build();
    qhook.start();
  }

  @AfterEach
  void stop() {
    qhook.close();
    store.close();
    database.drop();
  }

  @Test
  void poisonEventsInABatchFailAloneAsClientErrorsAndTheDatabaseStaysHealthy() throws Exception {
    List<CompletableFuture<Received>> good = new ArrayList<>();
    List<CompletableFuture<Received>> poison = new ArrayList<>();
    String url = System.getenv(PostgresTestDatabase.URL_VARIABLE);
    try (Connection lock = DriverManager.getConnection(url);
        Connection probe = DriverManager.getConnection(url)) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE " + database.schema() + ".events IN EXCLUSIVE MODE");
      }
      // The first batch waits for the lock; everything sent meanwhile forms the next batch.
      good.add(qhook.receiveAsync(event("first")));
      Awaitility.await().atMost(WAIT).until(() -> insertsWaitingForALock(probe) > 0);
      for (int i = 0; i < 12; i++) {
        good.add(qhook.receiveAsync(event("good")));
        if (i % 4 == 1) {
          poison.add(qhook.receiveAsync(event("poison")));
        }
      }
      lock.commit();
    }

    for (CompletableFuture<Received> answer : good) {
      assertThat(answer.get()).isInstanceOf(Received.Accepted.class);
    }
    for (CompletableFuture<Received> answer : poison) {
      assertThat(answer.get())
          .isInstanceOfSatisfying(
              Received.Rejected.class,
              r -> {
                assertThat(r.reason()).isEqualTo(Rejection.BAD_REQUEST);
                assertThat(r.httpStatus()).isEqualTo(400);
                assertThat(r.message()).contains("no_poison");
              });
    }
    assertThat(poison).hasSize(3);
    assertThat(qhook.isReady()).as(qhook.notReadyReason()).isTrue();
    assertThat(store.events(EventQuery.all()).items()).hasSize(good.size());
    assertThat(qhook.receive(event("after"))).isInstanceOf(Received.Accepted.class);
  }

  private static InboundRequest event(String type) {
    return InboundRequest.event("app", type)
        .header("content-type", "application/json")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** Sessions of this database whose insert waits for a lock (on its own autocommit connection). */
  private static int insertsWaitingForALock(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO events%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
