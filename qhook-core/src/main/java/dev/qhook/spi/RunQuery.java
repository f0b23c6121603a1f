package dev.qhook.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A filter and page over workflow runs, in id (creation) order. */
public record RunQuery(
    @Nullable String workflow,
    @Nullable RunStatus status,
    @Nullable String eventId,
    @Nullable String parentRunId,
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable String after,
    int limit,
    boolean descending) {

  public RunQuery {
    if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be 1.." + EventQuery.MAX_LIMIT + ", was " + limit);
    }
  }

  public static RunQuery all() {
    return new RunQuery(null, null, null, null, null, null, null, EventQuery.DEFAULT_LIMIT, false);
  }

  public static RunQuery forEvent(String eventId) {
    return new RunQuery(null, null, eventId, null, null, null, null, EventQuery.MAX_LIMIT, false);
  }

  public static RunQuery childrenOf(String parentRunId) {
    return new RunQuery(
        null, null, null, parentRunId, null, null, null, EventQuery.MAX_LIMIT, false);
  }
}
