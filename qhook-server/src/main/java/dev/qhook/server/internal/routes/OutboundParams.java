package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.EndpointStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON fields of the outbound routes (docs/reference/http-api.md, "Outbound endpoints"); a
 * value of the wrong type is 400 {@code bad_request} naming the field.
 */
final class OutboundParams {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)?");

  private OutboundParams() {}

  static String requiredText(JsonNode body, String name) {
    String value = text(body, name);
    if (value == null || value.isEmpty()) {
      throw ApiException.badRequest(name + ": required");
    }
    return value;
  }

  static @Nullable String text(JsonNode body, String name) {
    JsonNode field = body.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isTextual()) {
      throw ApiException.badRequest(name + ": must be a string");
    }
    return field.textValue();
  }

  static @Nullable EndpointStatus status(JsonNode body) {
    String status = text(body, "status");
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "active" -> EndpointStatus.ACTIVE;
      case "disabled" -> EndpointStatus.DISABLED;
      default ->
          throw ApiException.badRequest(
              "status: must be 'active' or 'disabled', was '" + status + "'");
    };
  }

  static @Nullable Map<String, String> metadata(JsonNode body) {
    return stringMap(body, "metadata");
  }

  /** An object of strings, or null when absent. */
  static @Nullable Map<String, String> stringMap(JsonNode body, String name) {
    JsonNode field = body.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isObject()) {
      throw ApiException.badRequest(name + ": must be an object of strings");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    field
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw ApiException.badRequest(name + "." + e.getKey() + ": must be a string");
              }
              metadata.put(e.getKey(), e.getValue().textValue());
            });
    return metadata;
  }

  /** {@code retry}: a retry block (an object, checked by the engine), or null when absent. */
  static @Nullable Map<String, Object> retry(JsonNode body) {
    JsonNode field = body.get("retry");
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isObject()) {
      throw ApiException.badRequest("retry: must be an object (a retry block)");
    }
    Map<String, Object> block = new LinkedHashMap<>();
    field
        .fields()
        .forEachRemaining(
            e -> block.put(e.getKey(), ServerJson.MAPPER.convertValue(e.getValue(), Object.class)));
    return block;
  }

  /** {@code rate_limit}: a number, or null when absent. */
  static @Nullable Double rateLimit(JsonNode body) {
    JsonNode field = body.get("rate_limit");
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isNumber()) {
      throw ApiException.badRequest("rate_limit: must be a number of deliveries per second");
    }
    return field.doubleValue();
  }

  /** {@code event_types}: a non-empty array of strings. */
  static List<String> eventTypes(JsonNode body) {
    List<String> types = strings(body, "event_types");
    if (types == null || types.isEmpty()) {
      throw ApiException.badRequest("event_types: must be a non-empty array of patterns");
    }
    return types;
  }

  /** An array of strings, or null when absent. */
  static @Nullable List<String> strings(JsonNode body, String name) {
    JsonNode field = body.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isArray()) {
      throw ApiException.badRequest(name + ": must be an array of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : field) {
      if (!item.isTextual()) {
        throw ApiException.badRequest(name + ": every item must be a string");
      }
      items.add(item.textValue());
    }
    return items;
  }

  /**
   * {@code grace}: a duration ({@code "2h"}, {@code "90s"}, {@code "0"}) or seconds; null if
   * absent.
   */
  static @Nullable Duration grace(JsonNode body) {
    JsonNode field = body.get("grace");
    if (field == null || field.isNull()) {
      return null;
    }
    if (field.canConvertToLong() && field.isIntegralNumber() && field.longValue() >= 0) {
      return Duration.ofSeconds(field.longValue());
    }
    Matcher m = field.isTextual() ? DURATION.matcher(field.textValue()) : null;
    if (m == null || !m.matches()) {
      throw ApiException.badRequest(
          "grace: must be a duration such as 30s, 15m, 24h or 0, was " + field);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
