package dev.qhook.internal.metrics;

import dev.qhook.spi.QueueCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Pull-queue meters, per queue (label {@code queue}; docs/reference/http-api.md, "GET /metrics"):
 * counters of messages delivered (received), acked, nacked and expired, and gauges read from the
 * database at most once a second: depth (visible), delayed, in flight, dead, and the age of the
 * oldest visible message (a leased message is not old: alert on this, not on the oldest row).
 */
public final class QueueMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public QueueMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code qhook_queue_messages_delivered_total{queue}}: messages leased by receives. */
  public void delivered(String queue, int messages) {
    count("delivered", "Messages leased to consumers (deliveries)", queue, messages);
  }

  public void acked(String queue, int messages) {
    count("acked", "Messages acknowledged by consumers", queue, messages);
  }

  public void nacked(String queue, int messages) {
    count("nacked", "Messages returned by consumers (nack)", queue, messages);
  }

  public void expired(String queue) {
    count("expired", "Message leases that lapsed (counted as deliveries)", queue, 1);
  }

  private void count(String what, String description, String queue, int n) {
    if (n <= 0) {
      return;
    }
    counters
        .computeIfAbsent(
            what + "\n" + queue,
            k ->
                Counter.builder("qhook.queue.messages." + what)
                    .description(description)
                    .tag("queue", queue)
                    .register(registry))
        .increment(n);
  }

  /** Registers the gauges of each queue, all fed by one cached read of {@code counts}. */
  public void registerGauges(
      Collection<String> queues, Function<Instant, Map<String, QueueCounts>> counts, Clock clock) {
    CachedRead<Map<String, QueueCounts>> cached =
        new CachedRead<>(() -> counts.apply(clock.instant()));
    for (String queue : queues) {
      gauge("qhook.queue.messages.depth", "Visible messages", queue, cached, QueueCounts::visible);
      gauge(
          "qhook.queue.messages.delayed",
          "Messages visible later (nacked with a delay)",
          queue,
          cached,
          QueueCounts::delayed);
      gauge(
          "qhook.queue.messages.in.flight",
          "Messages leased to consumers",
          queue,
          cached,
          QueueCounts::inFlight);
      gauge("qhook.queue.messages.dead", "Dead messages", queue, cached, QueueCounts::dead);
      Gauge.builder(
              "qhook.queue.oldest.message.age",
              cached,
              c -> {
                Map<String, QueueCounts> all = c.get();
                if (all == null) {
                  return Double.NaN;
                }
                QueueCounts q = all.getOrDefault(queue, QueueCounts.EMPTY);
                Instant oldest = q.oldestVisibleCreatedAt();
                return oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
              })
          .description("Age of the oldest visible message (leased ones excluded); 0 when none")
          .baseUnit("seconds")
          .tag("queue", queue)
          .strongReference(true)
          .register(registry);
    }
  }

  private void gauge(
      String name,
      String description,
      String queue,
      CachedRead<Map<String, QueueCounts>> cached,
      ToDoubleFunction<QueueCounts> value) {
    Gauge.builder(
            name,
            cached,
            c -> {
              Map<String, QueueCounts> all = c.get();
              return all == null
                  ? Double.NaN
                  : value.applyAsDouble(all.getOrDefault(queue, QueueCounts.EMPTY));
            })
        .description(description)
        .tag("queue", queue)
        .strongReference(true)
        .register(registry);
  }
}
