package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.spi.EndpointStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new outbound endpoint (docs/reference/http-api.md, "POST /api/outbound/endpoints").
 *
 * @param source an outbound source of the config
 * @param url {@code http} or {@code https}; passes the SSRF guard
 * @param status {@code active} (the default) or {@code disabled}
 * @param headers extra headers sent with every delivery
 * @param rateLimit deliveries per second per instance, or null for no limit
 * @param retry the endpoint's own retry block (the keys of the config file's retry block, over the
 *     source's {@code retry}), or null to use the source's
 */
public record EndpointRequest(
    String source,
    String url,
    @Nullable String description,
    EndpointStatus status,
    Map<String, String> metadata,
    Map<String, String> headers,
    @Nullable Double rateLimit,
    @Nullable Map<String, Object> retry) {

  public EndpointRequest {
    requireNonNull(source, "source");
    requireNonNull(url, "url");
    requireNonNull(status, "status");
    metadata = Map.copyOf(metadata);
    headers = Map.copyOf(headers);
  }

  /** An active endpoint without description or metadata. */
  public static EndpointRequest of(String source, String url) {
    return new EndpointRequest(
        source, url, null, EndpointStatus.ACTIVE, Map.of(), Map.of(), null, null);
  }

  /** This request with extra headers for every delivery. */
  public EndpointRequest withHeaders(Map<String, String> headers) {
    return new EndpointRequest(
        source, url, description, status, metadata, headers, rateLimit, retry);
  }

  /** This request with a rate limit in deliveries per second. */
  public EndpointRequest withRateLimit(@Nullable Double rateLimit) {
    return new EndpointRequest(
        source, url, description, status, metadata, headers, rateLimit, retry);
  }

  /** This request with the endpoint's own retry block. */
  public EndpointRequest withRetry(@Nullable Map<String, Object> retry) {
    return new EndpointRequest(
        source, url, description, status, metadata, headers, rateLimit, retry);
  }
}
