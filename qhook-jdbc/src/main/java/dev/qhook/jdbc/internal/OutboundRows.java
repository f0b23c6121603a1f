package dev.qhook.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** Rows of {@code outbound_endpoints} and {@code outbound_subscriptions} to and from records. */
final class OutboundRows {
  static final String ENDPOINT_COLUMNS =
      "id, source, url, description, secret, previous_secret, previous_secret_expires_at, status,"
          + " failing_since, disabled_reason, metadata, headers, rate_limit, created_at,"
          + " updated_at, retry_policy";
  static final String SUBSCRIPTION_COLUMNS = "id, endpoint_id, event_type, filter, created_at";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private OutboundRows() {}

  static Update bindEndpoint(Update update, Endpoint e) {
    return update
        .bind("id", e.id())
        .bind("source", e.source())
        .bind("url", e.url())
        .bind("description", e.description())
        .bind("secret", e.secret())
        .bind("previous_secret", e.previousSecret())
        .bind("previous_secret_expires_at", Columns.millisOrNull(e.previousSecretExpiresAt()))
        .bind("status", e.status().label())
        .bind("failing_since", Columns.millisOrNull(e.failingSince()))
        .bind("disabled_reason", e.disabledReason())
        .bind("metadata", stringMap(e.metadata()))
        .bind("headers", stringMap(e.headers()))
        .bindByType("rate_limit", e.rateLimit(), Double.class)
        .bind("created_at", Columns.millis(e.createdAt()))
        .bind("updated_at", Columns.millis(e.updatedAt()))
        .bind("retry", e.retry());
  }

  static Endpoint endpoint(ResultSet rs) throws SQLException {
    return new Endpoint(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("url"),
        rs.getString("description"),
        rs.getString("secret"),
        rs.getString("previous_secret"),
        Columns.instantOrNull(rs, "previous_secret_expires_at"),
        EndpointStatus.fromLabel(rs.getString("status")),
        Columns.instantOrNull(rs, "failing_since"),
        rs.getString("disabled_reason"),
        parseStringMap(rs.getString("metadata")),
        parseStringMap(rs.getString("headers")),
        rateLimit(rs),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getString("retry_policy"));
  }

  private static @Nullable Double rateLimit(ResultSet rs) throws SQLException {
    double rate = rs.getDouble("rate_limit");
    return rs.wasNull() ? null : rate;
  }

  static Subscription subscription(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getString("id"),
        rs.getString("endpoint_id"),
        rs.getString("event_type"),
        rs.getString("filter"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static String stringMap(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a map of strings is not serialisable: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> parseStringMap(String json) {
    try {
      return JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored map is not a JSON object: " + e.getMessage());
    }
  }
}
