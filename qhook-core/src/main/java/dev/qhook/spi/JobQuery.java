package dev.qhook.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over jobs, in id order.
 *
 * @param target a handler, queue or {@code workflow/step} name
 */
public record JobQuery(
    @Nullable JobStatus status,
    @Nullable String target,
    @Nullable String eventId,
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable String after,
    int limit,
    boolean descending) {

  public JobQuery {
    if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be 1.." + EventQuery.MAX_LIMIT + ", was " + limit);
    }
  }

  public static JobQuery all() {
    return new JobQuery(null, null, null, null, null, null, EventQuery.DEFAULT_LIMIT, false);
  }

  public static JobQuery forEvent(String eventId) {
    return new JobQuery(null, null, eventId, null, null, null, EventQuery.MAX_LIMIT, false);
  }
}
