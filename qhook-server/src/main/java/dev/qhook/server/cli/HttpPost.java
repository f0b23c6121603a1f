package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A POST to a qhook server by the commands that send events ({@code send}, {@code replay-local}).
 */
final class HttpPost {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The answer, whatever its status.
   *
   * @throws CliFailure the server cannot be reached
   */
  HttpResponse<String> post(URI uri, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliFailure(
          "cannot reach qhook at " + uri.resolve("/") + " (is `qhook start` running?)");
    } catch (HttpTimeoutException e) {
      throw new CliFailure("no answer from " + uri + " within 30 s");
    } catch (IOException e) {
      throw new CliFailure("cannot post to " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted");
    }
  }

  /** The answer's error as {@code code: message}, else its body. */
  static String error(HttpResponse<String> response) {
    JsonNode body = ServerJson.parseOrNull(response.body().getBytes(StandardCharsets.UTF_8));
    return body != null && body.has("code")
        ? body.path("code").asText() + ": " + body.path("message").asText()
        : "HTTP " + response.statusCode() + " " + response.body();
  }
}
