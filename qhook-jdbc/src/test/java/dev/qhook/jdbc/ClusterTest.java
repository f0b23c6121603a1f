package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.LEASE;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one database behave as two instances of one cluster. The claims are the
 * dispatcher's (every kind but queue messages).
 */
abstract class ClusterTest {
  private static final EnumSet<JobKind> DISPATCHED =
      EnumSet.complementOf(EnumSet.of(JobKind.QUEUE));

  protected JdbcStore first;
  protected JdbcStore second;

  abstract ServerDatabase database();

  /** What {@link JdbcStore#databaseName()} says. */
  abstract String databaseName();

  @BeforeEach
  void openTwoInstances() {
    first = database().freshStore();
    second = database().store();
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
    database().drop();
  }

  @Test
  void theStoreIsSharedAcrossInstances() {
    assertThat(first.sharedAcrossInstances()).isTrue();
    assertThat(first.databaseName()).isEqualTo(databaseName());
  }

  @Test
  void twoInstancesNeverClaimTheSameJob() {
    appendJobs("h", 150);

    assertThat(drainConcurrently(Map.of())).hasSize(150).doesNotHaveDuplicates();
  }

  @Test
  void aConcurrencyLimitHoldsAcrossInstances() {
    appendJobs("capped", 40);

    assertThat(drainConcurrently(Map.of("capped", 3))).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void anEventAppendedByOneInstanceIsADuplicateForTheOther() {
    AppendResult stored = first.append(List.of(newEvent(event("app", "t", "k", at(0))))).get(0);
    AppendResult again = second.append(List.of(newEvent(event("app", "t", "k", at(1))))).get(0);

    assertThat(again).isEqualTo(new AppendResult.Duplicate(stored.eventId()));
  }

  protected void appendJobs(String target, int count) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(newEvent(event(at(0)), handlerJob(target, at(0))));
    }
    first.append(events);
  }

  protected static ClaimRequest claim(Map<String, Integer> limits) {
    return new ClaimRequest(at(1), 5, at(1).plus(LEASE), DISPATCHED, limits);
  }

  /** The ids both instances claim, side by side, until their claims return nothing. */
  private List<String> drainConcurrently(Map<String, Integer> limits) {
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first, claimed, limits));
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second, claimed, limits));
    CompletableFuture.allOf(a, b).orTimeout(60, TimeUnit.SECONDS).join();
    return claimed;
  }

  /** Claims until a claim returns nothing; never completes a job. */
  private static void drain(JdbcStore store, List<String> claimed, Map<String, Integer> limits) {
    while (true) {
      List<ClaimedJob> batch = store.claim(claim(limits));
      if (batch.isEmpty()) {
        return;
      }
      batch.forEach(c -> claimed.add(c.job().id()));
    }
  }
}
