package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Stored events read page by page, oldest first, as {@code export} and {@code replay} read them.
 */
final class EventPages {
  /** Events per API call: the API's maximum. */
  static final int PAGE = 1000;

  private EventPages() {}

  /**
   * Hands each event summary of {@code GET /api/events} (the path {@code events} makes, with its
   * filters) after {@code after} to {@code each}, oldest first, up to {@code limit} events.
   *
   * @return whether more events match after the last one handed over
   */
  static boolean forEach(
      ApiClient api,
      Supplier<ApiPath> events,
      @Nullable String after,
      long limit,
      Consumer<JsonNode> each) {
    String last = after;
    long seen = 0;
    boolean more = true;
    while (more && seen < limit) {
      JsonNode page =
          api.get(
              events
                  .get()
                  .param("order", "asc")
                  .param("after", last)
                  .param("limit", Math.min(PAGE, limit - seen))
                  .toString());
      JsonNode items = page.path("events");
      for (JsonNode summary : items) {
        last = summary.path("id").asText();
        seen++;
        each.accept(summary);
      }
      more = page.path("has_more").asBoolean() && !items.isEmpty();
    }
    return more;
  }
}
