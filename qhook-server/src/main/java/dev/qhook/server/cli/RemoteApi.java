package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The management API of a running server, for the commands given {@code --remote}: one request per
 * call, the JSON answer, or a {@link CliFailure} with the server's error code and message.
 */
final class RemoteApi implements ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final @Nullable String token;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RemoteApi(String baseUrl, @Nullable String token) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.token = token;
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public JsonNode send(String method, String path, @Nullable String json) {
    URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new CliFailure("cannot reach " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted");
    }
    JsonNode body = ServerJson.parseOrNull(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new CliFailure(
          body != null && body.has("code")
              ? body.path("code").asText() + ": " + body.path("message").asText()
              : method + " " + uri + ": HTTP " + response.statusCode());
    }
    if (body == null) {
      throw new CliFailure(method + " " + uri + ": the answer is not JSON");
    }
    return body;
  }
}
