package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Values PostgreSQL cannot store are refused as such ({@link StoreRefusedException}, naming the
 * field), never as a database failure, and refuse only the write that carries them
 * (docs/configuration.md, "Stores").
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresRefusedValuesTest extends ServerStoreTest {
  private final PostgresTestDatabase database = new PostgresTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Test
  void aNulInTheEventTypeIsRefusedNamingTheField() {
    Event poison = event("app", "order\u0000created", null, at(0));

    assertThatThrownBy(() -> store.append(List.of(newEvent(poison, handlerJob("h", at(0))))))
        .isInstanceOfSatisfying(
            StoreRefusedException.class,
            e -> assertThat(e.reason()).contains("event type").contains("NUL"));
    assertThat(store.events(EventQuery.all()).items()).isEmpty();
  }

  @Test
  void aNulInTheIdempotencyKeyIsRefusedNamingTheField() {
    Event poison = event("app", "order.created", "key\u0000", at(0));

    assertThatThrownBy(() -> store.append(List.of(newEvent(poison))))
        .isInstanceOfSatisfying(
            StoreRefusedException.class,
            e -> assertThat(e.reason()).contains("idempotency key").contains("NUL"));
  }

  @Test
  void aNulInAnOrderingKeyIsRefusedNamingTheField() {
    NewEvent poison =
        newEvent(event(at(0)), newJob(JobKind.HANDLER, "h", 3, at(0), "customer\u00007"));

    assertThatThrownBy(() -> store.append(List.of(poison)))
        .isInstanceOfSatisfying(
            StoreRefusedException.class,
            e -> assertThat(e.reason()).contains("ordering key").contains("NUL"));
  }

  @Test
  void anEventTypeTooLongForItsIndexIsRefusedNamingTheField() {
    Event poison = event("app", incompressible(4_000), null, at(0));

    assertThatThrownBy(() -> store.append(List.of(newEvent(poison))))
        .isInstanceOfSatisfying(
            StoreRefusedException.class, e -> assertThat(e.reason()).contains("event type"));
  }

  @Test
  void anOrderingKeyTooLongForItsIndexIsRefusedNamingTheField() {
    NewEvent poison =
        newEvent(event(at(0)), newJob(JobKind.HANDLER, "h", 3, at(0), incompressible(4_000)));

    assertThatThrownBy(() -> store.append(List.of(poison)))
        .isInstanceOfSatisfying(
            StoreRefusedException.class, e -> assertThat(e.reason()).contains("ordering key"));
  }

  @Test
  void theStoreStillWritesAfterARefusal() {
    Event poison = event("app", "bad\u0000", null, at(0));
    assertThatThrownBy(() -> store.append(List.of(newEvent(poison))))
        .isInstanceOf(StoreRefusedException.class);

    Event fine = event(at(1));
    assertThat(store.append(List.of(newEvent(fine, handlerJob("h", at(1))))))
        .containsExactly(new AppendResult.Stored(fine.id(), 1));
  }

  /** Random letters: a value PostgreSQL cannot compress below its index row limit. */
  private static String incompressible(int length) {
    Random random = new Random(7);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
