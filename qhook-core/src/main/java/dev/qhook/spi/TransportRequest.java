package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One outgoing HTTP request.
 *
 * @param timeout covers connecting, sending and receiving the whole response
 */
public record TransportRequest(
    String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

  public TransportRequest {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
    requireNonNull(timeout, "timeout");
  }
}
