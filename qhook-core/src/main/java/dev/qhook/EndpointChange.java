package dev.qhook;

import dev.qhook.spi.EndpointStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change to an outbound endpoint; {@code rateLimit} 0 removes the limit, an empty {@code retry}
 * block removes the endpoint's own retry (docs/reference/http-api.md, "PUT
 * /api/outbound/endpoints/{id}"): every null field is left as it is. A new URL passes the same
 * checks as at creation, ownership check included; {@code active} clears {@code failing_since}.
 */
public record EndpointChange(
    @Nullable String url,
    @Nullable String description,
    @Nullable EndpointStatus status,
    @Nullable Map<String, String> metadata,
    @Nullable Map<String, String> headers,
    @Nullable Double rateLimit,
    @Nullable Map<String, Object> retry) {

  public EndpointChange {
    metadata = metadata == null ? null : Map.copyOf(metadata);
    headers = headers == null ? null : Map.copyOf(headers);
  }

  /** A change that leaves the retry block as it is. */
  public EndpointChange(
      @Nullable String url,
      @Nullable String description,
      @Nullable EndpointStatus status,
      @Nullable Map<String, String> metadata,
      @Nullable Map<String, String> headers,
      @Nullable Double rateLimit) {
    this(url, description, status, metadata, headers, rateLimit, null);
  }

  public static EndpointChange status(EndpointStatus status) {
    return new EndpointChange(null, null, status, null, null, null);
  }

  public static EndpointChange url(String url) {
    return new EndpointChange(url, null, null, null, null, null);
  }
}
