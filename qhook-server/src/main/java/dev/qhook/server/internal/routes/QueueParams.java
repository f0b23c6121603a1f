package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.QueueClient;
import dev.qhook.server.internal.http.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of the queue consumer routes (docs/reference/http-api.md, "Pull queues"), checked
 * before the engine sees them: a bad value is 400 {@code bad_request} naming the parameter, a
 * {@code batch} above 100 counts as 100 and a {@code wait} above 30 s as 30 s.
 */
final class QueueParams {
  /** The longest nack delay and lease extension, in seconds: 43,200 (12 h). */
  static final long MAX_SECONDS = QueueClient.MAX_DELAY.toSeconds();

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private QueueParams() {}

  /** {@code batch}: an integer of at least 1, default 1; above 100 counts as 100. */
  static int batch(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return 1;
    }
    try {
      long batch = Long.parseLong(text.trim());
      if (batch >= 1) {
        return (int) Math.min(batch, QueueClient.MAX_BATCH);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(
        "batch: must be an integer from 1 to "
            + QueueClient.MAX_BATCH
            + " (larger values count as "
            + QueueClient.MAX_BATCH
            + "), was '"
            + text
            + "'");
  }

  /**
   * {@code wait}: a duration such as {@code 10s}, {@code 500ms} or {@code 20} (seconds), default 0;
   * above 30 s counts as 30 s.
   */
  static Duration waitTime(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw ApiException.badRequest(
          "wait: must be a duration such as 500ms, 10s or 20 (seconds), at most 30s, was '"
              + text
              + "'");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration wait =
        switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    return wait.compareTo(QueueClient.MAX_WAIT) > 0 ? QueueClient.MAX_WAIT : wait;
  }

  /** {@code ids}: a required array of message ids (strings). */
  static List<String> ids(JsonNode body) {
    JsonNode ids = body.get("ids");
    if (ids == null || !ids.isArray()) {
      throw ApiException.badRequest("ids: must be an array of message ids");
    }
    List<String> list = new ArrayList<>(ids.size());
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw ApiException.badRequest("ids: must be an array of message ids (strings)");
      }
      list.add(id.textValue());
    }
    return list;
  }

  /** A number of seconds from {@code min} to 43,200 in field {@code name}; null when absent. */
  static @Nullable Duration seconds(JsonNode body, String name, long min) {
    JsonNode field = body.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isNumber() || field.doubleValue() < min || field.doubleValue() > MAX_SECONDS) {
      throw ApiException.badRequest(
          name
              + ": must be a number of seconds from "
              + min
              + " to "
              + MAX_SECONDS
              + ", was "
              + field);
    }
    return Duration.ofMillis(Math.round(field.doubleValue() * 1000));
  }

  /** As {@link #seconds}, but the field is required. */
  static Duration requiredSeconds(JsonNode body, String name, long min) {
    Duration seconds = seconds(body, name, min);
    if (seconds == null) {
      throw ApiException.badRequest(
          name + ": required, a number of seconds from " + min + " to " + MAX_SECONDS);
    }
    return seconds;
  }
}
