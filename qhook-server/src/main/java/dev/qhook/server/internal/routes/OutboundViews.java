package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Timestamps;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Endpoint and Subscription objects (docs/reference/http-api.md, "Outbound endpoints"). Secrets
 * appear only where {@link #withSecret} adds them: never in listings.
 */
final class OutboundViews {
  private OutboundViews() {}

  static Map<String, Object> endpoint(Endpoint e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("source", e.source());
    m.put("url", e.url());
    m.put("description", e.description());
    m.put("status", e.status().label());
    m.put("failing_since", Timestamps.format(e.failingSince()));
    m.put("disabled_reason", e.disabledReason());
    m.put("metadata", e.metadata());
    m.put("rate_limit", e.rateLimit());
    m.put("retry", retry(e.retry()));
    m.put("created_at", Timestamps.format(e.createdAt()));
    m.put("updated_at", Timestamps.format(e.updatedAt()));
    return m;
  }

  /**
   * The endpoint with {@code signing_secret}, {@code previous_secret_expires_at} and {@code
   * headers} (whose values may be secrets too).
   */
  static Map<String, Object> withSecret(Endpoint e) {
    Map<String, Object> m = endpoint(e);
    m.put("headers", e.headers());
    m.putAll(secret(e));
    return m;
  }

  static Map<String, Object> secret(Endpoint e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("signing_secret", e.secret());
    m.put(
        "previous_secret_expires_at",
        e.previousSecret() == null ? null : Timestamps.format(e.previousSecretExpiresAt()));
    return m;
  }

  /**
   * Per-endpoint delivery counts (instead of a metric label per endpoint): {@code completed},
   * {@code dead} and {@code pending} (available, running or retryable), of the jobs still kept.
   */
  static Map<String, Object> deliveries(Map<JobStatus, Long> counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("completed", counts.getOrDefault(JobStatus.COMPLETED, 0L));
    m.put("dead", counts.getOrDefault(JobStatus.DEAD, 0L));
    m.put(
        "pending",
        counts.getOrDefault(JobStatus.AVAILABLE, 0L)
            + counts.getOrDefault(JobStatus.RUNNING, 0L)
            + counts.getOrDefault(JobStatus.RETRYABLE, 0L));
    return m;
  }

  /** The endpoint's retry block as stored (JSON text written by the engine), or null. */
  private static @Nullable JsonNode retry(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      return ServerJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored retry block is not JSON", e);
    }
  }

  static Map<String, Object> subscription(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("endpoint_id", s.endpointId());
    m.put("event_type", s.eventType());
    if (s.filter() != null) {
      m.put("filter", s.filter());
    }
    m.put("created_at", Timestamps.format(s.createdAt()));
    return m;
  }

  static Map<String, Object> subscriptions(List<Subscription> subscriptions) {
    return Map.of(
        "subscriptions", subscriptions.stream().map(OutboundViews::subscription).toList());
  }
}
