package dev.qhook.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What was acknowledged against what was delivered. For the load scenarios an event is its payload
 * key: {@link #ofKeys}. For the fuzz, whose payloads are random, an acknowledged event owes as many
 * deliveries as the jobs its ingest answer announced, each with its own {@code
 * X-Qhook-Delivery-ID}: {@link #ofJobs}.
 */
final class Ledger {
  /** One request the receiver got; {@code -} stands for a missing value. */
  record Received(String deliveryId, String eventId, String key) {}

  /**
   * @param accepted acknowledged (events, or jobs for the fuzz)
   * @param delivered of those, delivered at least once
   * @param excused of those not delivered, dead-lettered as their retry config says (they count
   *     neither as delivered nor as lost)
   * @param lost acknowledged, neither delivered nor excused
   * @param duplicates deliveries beyond the first of each key (or delivery id)
   * @param unacknowledged keys delivered that no producer saw acknowledged (their answer was lost
   *     to a kill or a timeout; the client retried them under the same key)
   * @param splitKeys keys delivered under more than one event id (the idempotency key failed)
   * @param lostSample up to 10 of the lost keys, for the report
   */
  record Tally(
      long accepted,
      long delivered,
      long excused,
      long lost,
      long duplicates,
      long unacknowledged,
      long splitKeys,
      List<String> lostSample) {}

  private Ledger() {}

  /** {@code key TAB event_id} lines of the producers; a key may appear once per file. */
  static Map<String, String> readAccepted(List<Path> files) throws IOException {
    Map<String, String> accepted = new LinkedHashMap<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (parts.length == 2) {
          accepted.put(parts[0], parts[1]);
        }
      }
    }
    return accepted;
  }

  /** The receiver's lines; a torn last line (a receiver stopped mid-write) is skipped. */
  static List<Received> readReceived(Path file) throws IOException {
    List<Received> received = new ArrayList<>();
    if (!Files.exists(file)) {
      return received;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length == 3) {
        received.add(new Received(parts[0], parts[1], parts[2]));
      }
    }
    return received;
  }

  /**
   * @param accepted acknowledged key to its event id
   * @param excusedEvents event ids whose job went dead as their retry config says
   */
  static Tally ofKeys(
      Map<String, String> accepted, List<Received> received, Set<String> excusedEvents) {
    Map<String, Integer> deliveries = new HashMap<>();
    Map<String, Set<String>> eventsByKey = new HashMap<>();
    for (Received r : received) {
      if (r.key().equals("-")) {
        continue;
      }
      deliveries.merge(r.key(), 1, Integer::sum);
      eventsByKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.eventId());
    }
    long delivered = 0;
    long excused = 0;
    Set<String> lost = new TreeSet<>();
    for (Map.Entry<String, String> e : accepted.entrySet()) {
      if (deliveries.containsKey(e.getKey())) {
        delivered++;
      } else if (excusedEvents.contains(e.getValue())) {
        excused++;
      } else {
        lost.add(e.getKey());
      }
    }
    long duplicates = 0;
    long unacknowledged = 0;
    for (Map.Entry<String, Integer> e : deliveries.entrySet()) {
      duplicates += e.getValue() - 1;
      if (!accepted.containsKey(e.getKey())) {
        unacknowledged++;
      }
    }
    long split = eventsByKey.values().stream().filter(ids -> ids.size() > 1).count();
    return new Tally(
        accepted.size(),
        delivered,
        excused,
        lost.size(),
        duplicates,
        unacknowledged,
        split,
        lost.stream().limit(10).toList());
  }

  /**
   * @param jobsByEvent acknowledged event id to the jobs its answer announced
   * @param excusedEvents events whose jobs went dead as their retry config says
   */
  static Tally ofJobs(
      Map<String, Integer> jobsByEvent, List<Received> received, Set<String> excusedEvents) {
    Map<String, Integer> deliveries = new HashMap<>();
    Map<String, Set<String>> deliveryIdsByEvent = new HashMap<>();
    for (Received r : received) {
      if (r.deliveryId().equals("-")) {
        continue;
      }
      deliveries.merge(r.deliveryId(), 1, Integer::sum);
      deliveryIdsByEvent.computeIfAbsent(r.eventId(), k -> new HashSet<>()).add(r.deliveryId());
    }
    long accepted = 0;
    long delivered = 0;
    long excused = 0;
    Set<String> lost = new TreeSet<>();
    for (Map.Entry<String, Integer> e : jobsByEvent.entrySet()) {
      int owed = e.getValue();
      int seen = Math.min(owed, deliveryIdsByEvent.getOrDefault(e.getKey(), Set.of()).size());
      accepted += owed;
      delivered += seen;
      if (seen < owed) {
        if (excusedEvents.contains(e.getKey())) {
          excused += owed - seen;
        } else {
          lost.add(e.getKey() + " (" + (owed - seen) + " of " + owed + " jobs)");
        }
      }
    }
    long duplicates = deliveries.values().stream().mapToLong(n -> n - 1).sum();
    long unacknowledged =
        deliveryIdsByEvent.keySet().stream().filter(id -> !jobsByEvent.containsKey(id)).count();
    return new Tally(
        accepted,
        delivered,
        excused,
        accepted - delivered - excused,
        duplicates,
        unacknowledged,
        0,
        lost.stream().limit(10).toList());
  }
}
