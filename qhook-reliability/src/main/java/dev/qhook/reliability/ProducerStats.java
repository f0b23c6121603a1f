package dev.qhook.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the producers' requests got, by outcome: {@code status.<code>} for every answer, {@code
 * retry_after.<code>} for answers that carried {@code Retry-After}, {@code error.<kind>} for
 * requests that got no answer, and the kit's own counters ({@code accepted}, {@code abandoned},
 * ...). Written as {@code name TAB count} lines.
 */
final class ProducerStats {
  /** 5xx answers the docs promise for the request (the fuzz's {@code 502 subscription_failed}). */
  static final String EXPECTED_5XX = "expected_5xx";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String name) {
    counts.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  void answer(int status, boolean retryAfter) {
    add("status." + status);
    if (retryAfter) {
      add("retry_after." + status);
    }
  }

  long get(String name) {
    LongAdder count = counts.get(name);
    return count == null ? 0 : count.sum();
  }

  /** Every answer 500-599. */
  long all5xx() {
    return sumOf("status.5");
  }

  /**
   * 5xx answers other than {@code 503} with {@code Retry-After}, the documented answer while the
   * server cannot take events (starting, shutting down, database unavailable, overloaded).
   */
  long unexpected5xx() {
    return all5xx() - get("retry_after.503");
  }

  /** For the fuzz: every 5xx but those the docs promise ({@link #EXPECTED_5XX}). */
  long undocumented5xx() {
    return all5xx() - get(EXPECTED_5XX);
  }

  private long sumOf(String prefix) {
    long sum = 0;
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      if (e.getKey().startsWith(prefix) && e.getKey().length() == prefix.length() + 2) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    snapshot().forEach((k, v) -> text.append(k).append('\t').append(v).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static ProducerStats read(Path file) throws IOException {
    ProducerStats stats = new ProducerStats();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length == 2) {
        stats.counts.computeIfAbsent(parts[0], n -> new LongAdder()).add(Long.parseLong(parts[1]));
      }
    }
    return stats;
  }
}
