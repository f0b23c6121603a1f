package dev.qhook.it.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A client of a loopback qhook server for the queue tests: requests with a bearer token, JSON. */
final class QueueApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  QueueApiClient(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, @Nullable String token) {
    return send(request(path, token).GET().build());
  }

  /** GETs {@code path} without waiting for the answer (a long poll). */
  CompletableFuture<HttpResponse<String>> getLater(String path, @Nullable String token) {
    return client.sendAsync(
        request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path, @Nullable String token) {
    return send(request(path, token).DELETE().build());
  }

  HttpResponse<String> post(String path, String body, @Nullable String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpRequest.Builder request(String path, @Nullable String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(40));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The body of a 200 answer. */
  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response);
  }

  static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(read(response).get("code").asText()).isEqualTo(code);
  }

  static void assertBadRequest(HttpResponse<String> response, String messageStart) {
    assertError(response, 400, "bad_request");
    assertThat(read(response).get("message").asText()).startsWith(messageStart);
  }

  /** The one message of a receive's body. */
  static JsonNode only(JsonNode received) {
    assertThat(received.get("messages")).hasSize(1);
    return received.get("messages").get(0);
  }

  /** The ids of {@code messages} as a JSON array. */
  static String ids(JsonNode messages) {
    List<String> ids = new ArrayList<>();
    messages.forEach(m -> ids.add("\"" + m.get("id").asText() + "\""));
    return "[" + String.join(",", ids) + "]";
  }
}
