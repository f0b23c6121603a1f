package dev.qhook.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Column lists and row mapping. Times are stored as epoch milliseconds in BIGINT columns (the same
 * on every database, and exact to the millisecond the API shows); kinds and statuses as lowercase
 * labels; headers as a JSON object in a text column; payloads as BLOB / BYTEA.
 */
final class Columns {
  static final String EVENT = "id, source, event_type, payload, headers, unique_key, created_at";
  static final String JOB =
      "id, event_id, kind, target, url, status, attempt, max_attempts, scheduled_at, started_at,"
          + " completed_at, created_at, last_error, lease_until, ordering_key";
  static final String ATTEMPT =
      "attempt, status_code, error, duration_ms, created_at, response_body";

  /**
   * Statuses of jobs that can still change (docs/reference/http-api.md, "Management API"), as SQL
   * literals.
   */
  static final String OPEN_STATUSES = "('available', 'running', 'retryable', 'waiting')";

  static final String FINISHED_STATUSES = "('completed', 'dead', 'cancelled')";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private Columns() {}

  /** Epoch milliseconds; instants beyond the range of a long (Instant.MIN/MAX) are clamped. */
  static long millis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException outOfRange) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static @Nullable Long millisOrNull(@Nullable Instant instant) {
    return instant == null ? null : millis(instant);
  }

  static String label(JobKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String headers(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("headers are not serialisable: " + e.getMessage(), e);
    }
  }

  static Event event(ResultSet rs) throws SQLException {
    return new Event(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("event_type"),
        rs.getBytes("payload"),
        parseHeaders(rs.getString("headers")),
        rs.getString("unique_key"),
        instant(rs, "created_at"));
  }

  static Job job(ResultSet rs) throws SQLException {
    return new Job(
        rs.getString("id"),
        rs.getString("event_id"),
        JobKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        rs.getString("target"),
        rs.getString("url"),
        JobStatus.fromLabel(rs.getString("status")),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        instant(rs, "scheduled_at"),
        instantOrNull(rs, "started_at"),
        instantOrNull(rs, "completed_at"),
        instant(rs, "created_at"),
        rs.getString("last_error"),
        instantOrNull(rs, "lease_until"),
        rs.getString("ordering_key"));
  }

  static AttemptRecord attempt(ResultSet rs) throws SQLException {
    int statusCode = rs.getInt("status_code");
    Integer status = rs.wasNull() ? null : statusCode;
    return new AttemptRecord(
        rs.getInt("attempt"),
        status,
        rs.getString("error"),
        rs.getLong("duration_ms"),
        instant(rs, "created_at"),
        rs.getString("response_body"));
  }

  private static Map<String, String> parseHeaders(String json) {
    try {
      return JSON.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored headers are not a JSON object: " + e.getMessage());
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
