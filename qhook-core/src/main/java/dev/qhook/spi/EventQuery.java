package dev.qhook.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over stored events, in id order.
 *
 * @param since inclusive lower bound on {@code created_at}
 * @param until exclusive upper bound on {@code created_at}
 * @param after an id: only events after it in the chosen order
 */
public record EventQuery(
    @Nullable String source,
    @Nullable String eventType,
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable String after,
    int limit,
    boolean descending) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public EventQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  public static EventQuery all() {
    return new EventQuery(null, null, null, null, null, DEFAULT_LIMIT, false);
  }
}
