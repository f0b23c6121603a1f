package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.NewEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Two stores on one PostgreSQL database behave as two instances of one cluster. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresClusterTest {
  private final PostgresTestDatabase database = new PostgresTestDatabase();
  private JdbcStore first;
  private JdbcStore second;

  @BeforeEach
  void openTwoInstances() {
    first = database.freshStore();
    second = database.store();
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
    database.drop();
  }

  @Test
  void theStoreIsSharedAcrossInstances() {
    assertThat(first.sharedAcrossInstances()).isTrue();
    assertThat(first.databaseName()).isEqualTo("postgres");
  }

  @Test
  void twoInstancesNeverClaimTheSameJob() {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      events.add(newEvent(event(at(0)), handlerJob("h", at(0))));
    }
    first.append(events);
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first, claimed));
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second, claimed));
    CompletableFuture.allOf(a, b).orTimeout(60, TimeUnit.SECONDS).join();

    assertThat(claimed).hasSize(150).doesNotHaveDuplicates();
  }

  @Test
  void anEventAppendedByOneInstanceIsADuplicateForTheOther() {
    AppendResult stored = first.append(List.of(newEvent(event("app", "t", "k", at(0))))).get(0);
    AppendResult again = second.append(List.of(newEvent(event("app", "t", "k", at(1))))).get(0);

    assertThat(again).isEqualTo(new AppendResult.Duplicate(stored.eventId()));
  }

  private static void drain(JdbcStore store, List<String> claimed) {
    while (true) {
      List<ClaimedJob> batch = store.claim(claimAll(at(1), 5));
      if (batch.isEmpty()) {
        return;
      }
      batch.forEach(c -> claimed.add(c.job().id()));
    }
  }
}
