package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.SignedDeliveries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound webhooks end to end through the standalone server started by the CLI, on an SQLite file:
 * an endpoint registered over the HTTP API against a loopback receiver that answers the ownership
 * challenge, events posted, every delivery checked with qhook-verify's Standard Webhooks verifier
 * (one signature, two during a rotation grace, one after it), auto-disable and recover.
 */
class OutboundProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private int port;

  @Test
  void registersAnEndpointAndDeliversSignedEventsThroughRotationDisableAndRecover()
      throws Exception {
    port = ServerProcess.freePort();
    Path config = dir.resolve("qhook.yaml");
    Files.writeString(
        config,
        """
        server: { host: 127.0.0.1, port: %d, allow_private_urls: true }
        database: { url: "sqlite:qhook.db" }
        api: { auth_token: t0ken }
        sources:
          shop:
            type: outbound
            retry: { max: 2, backoff: fixed, interval: 200ms, jitter: false }
            timeout: 5s
            disable_after: 100ms
        """
            .formatted(port));
    try (RecordingReceiver receiver = RecordingReceiver.start().answerChallenges();
        ServerProcess server = ServerProcess.start(dir, config, port, "server.log")) {
      JsonNode endpoint =
          call(
              "POST",
              "/api/outbound/endpoints",
              "{\"source\":\"shop\",\"url\":\"" + receiver.url("/hooks") + "\"}",
              201);
      String id = endpoint.get("id").asText();
      String secret = endpoint.get("signing_secret").asText();
      call(
          "POST",
          "/api/outbound/endpoints/" + id + "/subscriptions",
          "{\"event_types\":[\"order.*\"]}",
          201);

      JsonNode order = call("POST", "/events/shop/order.created", "{\"order\":1}", 202);
      call("POST", "/events/shop/customer.created", "{\"customer\":1}", 202);
      RecordedRequest first = receiver.awaitDeliveries(1, WAIT).get(0);
      assertThat(first.bodyText()).isEqualTo("{\"order\":1}");
      assertThat(first.header("x-qhook-event-id")).isEqualTo(order.get("event_id").asText());
      assertThat(first.header("x-qhook-event-type")).isEqualTo("order.created");
      assertThat(SignedDeliveries.signatures(first)).hasSize(1);
      assertThat(SignedDeliveries.verifies(first, secret)).isTrue();

      String rotated =
          call(
                  "POST",
                  "/api/outbound/endpoints/" + id + "/rotate-secret",
                  "{\"grace\":\"1h\"}",
                  200)
              .get("signing_secret")
              .asText();
      call("POST", "/events/shop/order.paid", "{\"order\":2}", 202);
      RecordedRequest during = receiver.awaitDeliveries(2, WAIT).get(1);
      assertThat(SignedDeliveries.signatures(during)).hasSize(2);
      assertThat(SignedDeliveries.verifies(during, rotated)).isTrue();
      assertThat(SignedDeliveries.verifies(during, secret)).isTrue();

      String fresh =
          call("POST", "/api/outbound/endpoints/" + id + "/rotate-secret", "{\"grace\":0}", 200)
              .get("signing_secret")
              .asText();
      call("POST", "/events/shop/order.shipped", "{\"order\":3}", 202);
      RecordedRequest after = receiver.awaitDeliveries(3, WAIT).get(2);
      assertThat(SignedDeliveries.signatures(after)).hasSize(1);
      assertThat(SignedDeliveries.verifies(after, fresh)).isTrue();
      assertThat(SignedDeliveries.verifies(after, rotated)).isFalse();

      receiver.respondByDefault(RecordingReceiver.Response.status(503));
      call("POST", "/events/shop/order.cancelled", "{\"order\":4}", 202);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  call("GET", "/api/outbound/endpoints/" + id, null, 200)
                      .get("status")
                      .asText()
                      .equals("disabled"));
      JsonNode dead = awaitDeadJob(id);
      assertThat(
              call("GET", "/api/outbound/endpoints/" + id, null, 200)
                  .get("disabled_reason")
                  .asText())
          .isEqualTo("auto");
      call("POST", "/api/outbound/endpoints/" + id + "/recover", "{\"since\":\"2020-01-01\"}", 409);

      receiver.respondByDefault(RecordingReceiver.Response.status(200));
      JsonNode enabled =
          call("PUT", "/api/outbound/endpoints/" + id, "{\"status\":\"active\"}", 200);
      assertThat(enabled.get("failing_since").isNull()).isTrue();
      int before = receiver.deliveries().size();
      JsonNode recovered =
          call(
              "POST",
              "/api/outbound/endpoints/" + id + "/recover",
              "{\"since\":\"2020-01-01\"}",
              200);
      assertThat(recovered.get("recovered").asInt()).isEqualTo(1);
      RecordedRequest again = receiver.awaitDeliveries(before + 1, WAIT).get(before);
      assertThat(again.header("webhook-id")).isEqualTo(dead.get("id").asText());
      assertThat(again.bodyText()).isEqualTo("{\"order\":4}");
      assertThat(SignedDeliveries.verifies(again, fresh)).isTrue();
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  call("GET", "/api/outbound/endpoints/" + id, null, 200)
                      .get("deliveries")
                      .toString()
                      .equals("{\"completed\":4,\"dead\":0,\"pending\":0}"));
    }
  }

  private JsonNode awaitDeadJob(String endpointId) throws Exception {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                call("GET", "/api/jobs?status=dead&handler=" + endpointId, null, 200)
                        .get("jobs")
                        .size()
                    == 1);
    return call("GET", "/api/jobs?status=dead&handler=" + endpointId, null, 200).get("jobs").get(0);
  }

  private JsonNode call(String method, String path, String body, int status)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer t0ken")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
