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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * What MySQL and MariaDB store and refuse (docs/configuration.md, "Stores"): a value too long for
 * its column is refused naming the field ({@link StoreRefusedException}), and refuses only the
 * write that carries it; keys compare byte for byte; any Unicode text and NUL are stored as given.
 */
@EnabledIfEnvironmentVariable(named = MysqlTestDatabase.URL_VARIABLE, matches = ".+")
class MysqlRefusedValuesTest extends ServerStoreTest {
  private final MysqlTestDatabase database = new MysqlTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Test
  void anEventTypeTooLongForItsColumnIsRefusedNamingTheField() {
    Event poison = event("app", "t".repeat(1_025), null, at(0));

    assertThatThrownBy(() -> store.append(List.of(newEvent(poison, handlerJob("h", at(0))))))
        .isInstanceOfSatisfying(
            StoreRefusedException.class, e -> assertThat(e.reason()).contains("the event type"));
    assertThat(store.events(EventQuery.all()).items()).isEmpty();
  }

  @Test
  void anOrderingKeyTooLongForItsColumnIsRefusedNamingTheField() {
    NewEvent poison =
        newEvent(event(at(0)), newJob(JobKind.HANDLER, "h", 3, at(0), "k".repeat(1_025)));

    assertThatThrownBy(() -> store.append(List.of(poison)))
        .isInstanceOfSatisfying(
            StoreRefusedException.class, e -> assertThat(e.reason()).contains("ordering key"));
  }

  @Test
  void theLongestValuesIngestAllowsAreStored() {
    String fourByteChars = "\uD83C\uDF89".repeat(256); // 256 characters, 1024 bytes
    Event longest = event("app", fourByteChars, "k".repeat(200), at(0));

    assertThat(store.append(List.of(newEvent(longest))))
        .containsExactly(new AppendResult.Stored(longest.id(), 0));
    assertThat(store.event(longest.id()).orElseThrow().eventType()).isEqualTo(fourByteChars);
  }

  @Test
  void keysDifferingInCaseOrTrailingSpaceAreDifferentKeys() {
    Event lower = event("app", "t", "key", at(0));
    Event upper = event("app", "t", "KEY", at(0));
    Event padded = event("app", "t", "key ", at(0));
    Event again = event("app", "t", "key", at(1));

    assertThat(store.append(List.of(newEvent(lower), newEvent(upper), newEvent(padded))))
        .containsExactly(
            new AppendResult.Stored(lower.id(), 0),
            new AppendResult.Stored(upper.id(), 0),
            new AppendResult.Stored(padded.id(), 0));
    assertThat(store.append(List.of(newEvent(again))))
        .containsExactly(new AppendResult.Duplicate(lower.id()));
  }

  @Test
  void unicodeAndNulInTextValuesRoundTrip() {
    Event odd = event("app", "order.\u00e9t\u00e9\u0000\uD83D\uDE00", "cl\u00e9\u0000", at(0));

    store.append(List.of(newEvent(odd)));

    Event read = store.event(odd.id()).orElseThrow();
    assertThat(read.eventType()).isEqualTo(odd.eventType());
    assertThat(read.uniqueKey()).isEqualTo(odd.uniqueKey());
    assertThat(
            store
                .events(new EventQuery("app", odd.eventType(), null, null, null, 10, false))
                .items())
        .extracting(Event::id)
        .containsExactly(odd.id());
  }

  @Test
  void aTakenIdIsRefusedWhileATakenKeyIsADuplicate() {
    Event first = event("app", "t", "k", at(0));
    store.append(List.of(newEvent(first)));
    for (String key : new String[] {null, "other"}) {
      Event sameId = new Event(first.id(), "app", "t", new byte[0], Map.of(), key, at(1));
      assertThatThrownBy(() -> store.append(List.of(newEvent(sameId))))
          .as("key %s", key)
          .isInstanceOf(StoreRefusedException.class);
    }

    Event sameKey = event("app", "t", "k", at(2));
    assertThat(store.append(List.of(newEvent(sameKey))))
        .containsExactly(new AppendResult.Duplicate(first.id()));
  }

  @Test
  void theStoreStillWritesAfterARefusal() {
    Event poison = event("app", "t".repeat(2_000), null, at(0));
    assertThatThrownBy(() -> store.append(List.of(newEvent(poison))))
        .isInstanceOf(StoreRefusedException.class);

    Event fine = event(at(1));
    assertThat(store.append(List.of(newEvent(fine, handlerJob("h", at(1))))))
        .containsExactly(new AppendResult.Stored(fine.id(), 1));
  }
}
