package dev.qhook.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The few calls of the management API the audit needs (docs/reference/http-api.md, "Management
 * API"), against a server without {@code api.auth_token}: job lists page by page, a job's attempts,
 * and one metric.
 */
final class QhookApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /**
   * @param token the {@code api.auth_token} (for {@code /metrics} too), or empty
   */
  QhookApi(String base, String token) {
    this.base = base;
    this.token = token;
  }

  private HttpRequest request(String pathAndQuery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request(pathAndQuery), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Every job with this status (all jobs when null), oldest first. */
  List<JsonNode> jobs(@Nullable String status) throws IOException, InterruptedException {
    List<JsonNode> jobs = new ArrayList<>();
    @Nullable String after = null;
    while (true) {
      StringBuilder query = new StringBuilder("/api/jobs?limit=1000");
      if (status != null) {
        query.append("&status=").append(status);
      }
      if (after != null) {
        query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      }
      JsonNode page = get(query.toString());
      for (JsonNode job : page.path("jobs")) {
        jobs.add(job);
        after = job.path("id").asText();
      }
      if (!page.path("has_more").asBoolean(false) || page.path("jobs").isEmpty()) {
        return jobs;
      }
    }
  }

  /** Whether any job has this status. */
  boolean anyJob(String status) throws IOException, InterruptedException {
    return !get("/api/jobs?limit=1&status=" + status).path("jobs").isEmpty();
  }

  List<JsonNode> attempts(String jobId) throws IOException, InterruptedException {
    List<JsonNode> attempts = new ArrayList<>();
    get("/api/jobs/" + jobId + "/attempts").path("attempts").forEach(attempts::add);
    return attempts;
  }

  /** The sum of every sample of this metric (all label sets), 0 when it has none yet. */
  double metric(String name) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return Metrics.sum(response.body(), name);
  }
}
