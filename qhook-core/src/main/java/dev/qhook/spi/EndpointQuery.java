package dev.qhook.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over endpoints, in id order.
 *
 * @param source only this source's endpoints, or all when null
 * @param after an id: only endpoints after it in the chosen order
 * @param since only endpoints created at or after it, when given
 * @param until only endpoints created before it, when given
 */
public record EndpointQuery(
    @Nullable String source,
    @Nullable String after,
    int limit,
    boolean descending,
    @Nullable Instant since,
    @Nullable Instant until) {

  /** Without a time window. */
  public EndpointQuery(
      @Nullable String source, @Nullable String after, int limit, boolean descending) {
    this(source, after, limit, descending, null, null);
  }

  public EndpointQuery {
    if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be 1.." + EventQuery.MAX_LIMIT + ", was " + limit);
    }
  }

  public static EndpointQuery of(@Nullable String source) {
    return new EndpointQuery(source, null, EventQuery.DEFAULT_LIMIT, false);
  }
}
