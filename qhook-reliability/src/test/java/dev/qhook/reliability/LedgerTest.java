package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static Ledger.Received got(String delivery, String event, String key) {
    return new Ledger.Received(delivery, event, key);
  }

  @Test
  void keysCountDeliveredLostDuplicatesAndUnacknowledged() {
    Map<String, String> accepted = new LinkedHashMap<>();
    accepted.put("k1", "e1");
    accepted.put("k2", "e2");
    accepted.put("k3", "e3");
    List<Ledger.Received> received =
        List.of(
            got("d1", "e1", "k1"),
            got("d1", "e1", "k1"), // redelivered after a crash
            got("d2", "e2", "k2"),
            got("d9", "e9", "k9"), // stored, but its answer never reached the producer
            got("-", "-", "-")); // a request that was no delivery

    Ledger.Tally tally = Ledger.ofKeys(accepted, received, Set.of());

    assertThat(tally.accepted()).isEqualTo(3);
    assertThat(tally.delivered()).isEqualTo(2);
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.lostSample()).containsExactly("k3");
    assertThat(tally.duplicates()).isEqualTo(1);
    assertThat(tally.unacknowledged()).isEqualTo(1);
    assertThat(tally.splitKeys()).isZero();
  }

  @Test
  void deadLetteredByConfigIsExcusedNotLost() {
    Map<String, String> accepted = Map.of("k1", "e1", "k2", "e2");
    Ledger.Tally tally = Ledger.ofKeys(accepted, List.of(got("d1", "e1", "k1")), Set.of("e2"));

    assertThat(tally.delivered()).isEqualTo(1);
    assertThat(tally.excused()).isEqualTo(1);
    assertThat(tally.lost()).isZero();
  }

  @Test
  void aKeyDeliveredUnderTwoEventIdsWasStoredTwice() {
    Ledger.Tally tally =
        Ledger.ofKeys(
            Map.of("k1", "e1"), List.of(got("d1", "e1", "k1"), got("d2", "e2", "k1")), Set.of());

    assertThat(tally.splitKeys()).isEqualTo(1);
    assertThat(tally.duplicates()).isEqualTo(1);
  }

  @Test
  void jobsCountEachAnnouncedDeliveryOnce() {
    Map<String, Integer> jobs = Map.of("e1", 2, "e2", 1, "e3", 0);
    List<Ledger.Received> received =
        List.of(
            got("d1a", "e1", "-"),
            got("d1b", "e1", "-"),
            got("d1b", "e1", "-"),
            got("dx", "ex", "-"));

    Ledger.Tally tally = Ledger.ofJobs(jobs, received, Set.of());

    assertThat(tally.accepted()).isEqualTo(3);
    assertThat(tally.delivered()).isEqualTo(2);
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.lostSample()).containsExactly("e2 (1 of 1 jobs)");
    assertThat(tally.duplicates()).isEqualTo(1);
    assertThat(tally.unacknowledged()).isEqualTo(1);
  }
}
