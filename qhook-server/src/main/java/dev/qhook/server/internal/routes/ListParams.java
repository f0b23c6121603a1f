package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Timestamps;
import dev.qhook.spi.EventQuery;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The paging and time parameters shared by every list (docs/reference/http-api.md, "Lists: paging
 * and filters"): {@code limit} (default 50, max 1000), {@code after}, {@code order} ({@code
 * asc}/{@code desc}), {@code since} (inclusive) and {@code until} (exclusive). Bad values are 400
 * {@code bad_request} naming the parameter.
 */
record ListParams(
    int limit,
    @Nullable String after,
    boolean descending,
    @Nullable Instant since,
    @Nullable Instant until) {

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  static ListParams of(Request request) {
    return new ListParams(
        limit(request.query("limit")),
        emptyToNull(request.query("after")),
        descending(request.query("order")),
        instant("since", request.query("since")),
        instant("until", request.query("until")));
  }

  static int limit(@Nullable String text) {
    return limit(text, EventQuery.DEFAULT_LIMIT);
  }

  /** {@code limit}: 1 to 1000, {@code byDefault} when absent. */
  static int limit(@Nullable String text, int byDefault) {
    if (text == null || text.isEmpty()) {
      return byDefault;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(
        "limit: must be an integer from 1 to " + EventQuery.MAX_LIMIT + ", was '" + text + "'");
  }

  private static boolean descending(@Nullable String order) {
    if (order == null || order.isEmpty()) {
      return false;
    }
    return switch (order.toLowerCase(Locale.ROOT)) {
      case "asc" -> false;
      case "desc" -> true;
      default -> throw ApiException.badRequest("order: must be asc or desc, was '" + order + "'");
    };
  }

  /** A time parameter, years 0000 to 9999; null when absent. */
  static @Nullable Instant instant(String name, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant instant;
    try {
      instant = Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + ": " + e.getMessage());
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
      throw ApiException.badRequest(name + ": '" + text + "' is out of range (years 0000 to 9999)");
    }
    return instant;
  }

  /** A parameter from the query string, else from a JSON body field (string values only). */
  static @Nullable String queryOrBody(Request request, JsonNode body, String name) {
    String fromQuery = emptyToNull(request.query(name));
    if (fromQuery != null) {
      return fromQuery;
    }
    JsonNode field = body.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isTextual()) {
      throw ApiException.badRequest(name + ": must be a string");
    }
    return emptyToNull(field.textValue());
  }

  static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
