package dev.qhook.spi;

import org.jspecify.annotations.Nullable;

/**
 * A filter and page over endpoints, in id order.
 *
 * @param source only this source's endpoints, or all when null
 * @param after an id: only endpoints after it in the chosen order
 */
public record EndpointQuery(
    @Nullable String source, @Nullable String after, int limit, boolean descending) {

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
