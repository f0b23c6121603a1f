package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What came of a {@link TransportRequest}: a response of any status, or no response. */
public sealed interface TransportResult {

  /** How long the call took, in milliseconds. */
  long durationMs();

  /**
   * A short account for logs and error messages: {@code status 503}, the network error's message,
   * or {@code timed out}.
   */
  default String describe() {
    if (this instanceof Response response) {
      return "status " + response.status();
    }
    return this instanceof NetworkError error ? error.message() : "timed out";
  }

  /**
   * A complete response.
   *
   * @param headers lowercase names
   */
  record Response(int status, Map<String, List<String>> headers, byte[] body, long durationMs)
      implements TransportResult {
    public Response {
      headers = Map.copyOf(headers);
      requireNonNull(body, "body");
    }

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /** No complete response within the timeout. */
  record Timeout(String message, long durationMs) implements TransportResult {}

  /**
   * DNS, connect, TLS, reset or an oversized response; also a destination the SSRF guard refused.
   */
  record NetworkError(String message, long durationMs) implements TransportResult {}
}
