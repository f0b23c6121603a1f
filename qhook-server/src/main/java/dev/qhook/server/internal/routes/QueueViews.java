package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.DeadMessage;
import dev.qhook.QueueMessage;
import dev.qhook.QueueStats;
import dev.qhook.config.QueueConfig;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON objects of the queue routes (docs/reference/http-api.md, "Pull queues"), as ordered
 * maps; null fields are present as null.
 */
final class QueueViews {
  private QueueViews() {}

  /** {@code {"messages":[...]}} of a receive. */
  static Map<String, Object> messages(List<QueueMessage> messages) {
    return Map.of("messages", messages.stream().map(QueueViews::message).toList());
  }

  static Map<String, Object> message(QueueMessage m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("event_id", m.eventId());
    v.put("event_type", m.eventType());
    JsonNode json = ServerJson.parseOrNull(m.payload());
    v.put("payload", json != null ? json : new String(m.payload(), StandardCharsets.UTF_8));
    v.put("headers", m.headers().isEmpty() ? null : m.headers());
    v.put("attempt", m.attempt());
    v.put("created_at", Timestamps.format(m.createdAt()));
    v.put("lease_expires_at", Timestamps.format(m.leaseExpiresAt()));
    return v;
  }

  /** An entry of {@code GET /api/queues}. */
  static Map<String, Object> summary(QueueConfig config, QueueStats stats) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", config.name());
    v.put("source", config.source());
    v.put("events", config.events());
    v.put("visibility_timeout", seconds(config.visibilityTimeout()));
    v.put("depth", stats.depth());
    v.put("delayed", stats.delayed());
    v.put("in_flight", stats.inFlight());
    v.put("dead", stats.dead());
    return v;
  }

  /** {@code GET /api/queues/{name}}. */
  static Map<String, Object> detail(
      QueueConfig config, QueueStats stats, long completed, @Nullable QueueMessage oldest) {
    Map<String, Object> v = summary(config, stats);
    v.put("completed", completed);
    v.put("max_attempts", config.maxAttempts());
    v.put("ordering_key", config.orderingKey());
    v.put("oldest_message", oldest == null ? null : message(oldest));
    return v;
  }

  /** The counts of a queue in {@code GET /api/stats}. */
  static Map<String, Object> counts(QueueStats stats) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("depth", stats.depth());
    v.put("delayed", stats.delayed());
    v.put("in_flight", stats.inFlight());
    v.put("dead", stats.dead());
    return v;
  }

  static Map<String, Object> dead(DeadMessage m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("event_id", m.eventId());
    v.put("event_type", m.eventType());
    v.put("attempt", m.attempt());
    v.put("last_error", m.lastError());
    v.put("created_at", Timestamps.format(m.createdAt()));
    v.put("completed_at", Timestamps.format(m.completedAt()));
    return v;
  }

  /** Seconds as a JSON number: an integer when whole. */
  private static Number seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? (Number) d.toSeconds() : (Number) (d.toMillis() / 1000.0);
  }
}
