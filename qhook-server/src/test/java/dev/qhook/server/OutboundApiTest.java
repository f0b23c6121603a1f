package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code /api/outbound/endpoints} routes (docs/reference/http-api.md, "Outbound endpoints").
 */
class OutboundApiTest {
  private static final String TOKEN = "Bearer s3cret";
  private static final String CONFIG =
      """
      api: { auth_token: s3cret }
      server: { allow_private_urls: true }
      sources:
        shop: { type: outbound }
        app: { type: event }
      """;

  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start().answerChallenges();
    server = RunningServer.start(QHookConfig.fromYaml(CONFIG), b -> b, b -> b);
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void createsReadsListsUpdatesAndDeletesAnEndpoint() {
    HttpResponse<String> created =
        call(
            "POST",
            "/api/outbound/endpoints",
            body(
                "shop",
                "/hooks",
                "\"description\":\"Acme\",\"headers\":{\"X-Token\":\"t1\"},\"rate_limit\":5"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode endpoint = RunningServer.json(created);
    String id = endpoint.get("id").asText();
    assertThat(endpoint.get("signing_secret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(endpoint.get("status").asText()).isEqualTo("active");
    assertThat(endpoint.get("description").asText()).isEqualTo("Acme");
    assertThat(endpoint.get("rate_limit").asDouble()).isEqualTo(5.0);
    assertThat(endpoint.get("failing_since").isNull()).isTrue();
    assertThat(endpoint.get("previous_secret_expires_at").isNull()).isTrue();

    JsonNode listed = json(call("GET", "/api/outbound/endpoints?source=shop", null), 200);
    assertThat(listed.get("endpoints")).hasSize(1);
    assertThat(listed.get("endpoints").get(0).has("signing_secret")).isFalse();
    assertThat(listed.get("endpoints").get(0).has("headers")).isFalse();
    assertThat(listed.get("has_more").asBoolean()).isFalse();

    JsonNode detail = json(call("GET", "/api/outbound/endpoints/" + id, null), 200);
    assertThat(detail.get("signing_secret").asText())
        .isEqualTo(endpoint.get("signing_secret").asText());
    assertThat(detail.get("subscriptions")).isEmpty();
    assertThat(detail.get("headers").get("X-Token").asText()).isEqualTo("t1");
    assertThat(detail.get("deliveries").toString())
        .isEqualTo("{\"completed\":0,\"dead\":0,\"pending\":0}");

    JsonNode updated =
        json(
            call(
                "PUT",
                "/api/outbound/endpoints/" + id,
                "{\"description\":\"Acme Inc\",\"status\":\"disabled\"}"),
            200);
    assertThat(updated.get("description").asText()).isEqualTo("Acme Inc");
    assertThat(updated.get("status").asText()).isEqualTo("disabled");
    assertThat(updated.get("disabled_reason").asText()).isEqualTo("manual");
    assertThat(updated.has("signing_secret")).isFalse();
    JsonNode unlimited =
        json(call("PUT", "/api/outbound/endpoints/" + id, "{\"rate_limit\":0}"), 200);
    assertThat(unlimited.get("rate_limit").isNull()).isTrue();
    assertError(
        call("PUT", "/api/outbound/endpoints/" + id, "{\"rate_limit\":-1}"), 400, "bad_request");
    assertError(
        call("PUT", "/api/outbound/endpoints/" + id, "{\"rate_limit\":\"fast\"}"),
        400,
        "bad_request");

    assertThat(call("DELETE", "/api/outbound/endpoints/" + id, null).statusCode()).isEqualTo(204);
    assertError(call("GET", "/api/outbound/endpoints/" + id, null), 404, "not_found");
    assertError(call("DELETE", "/api/outbound/endpoints/" + id, null), 404, "not_found");
  }

  @Test
  void listsEndpointsInPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          json(call("POST", "/api/outbound/endpoints", body("shop", "/h" + i, null)), 201)
              .get("id")
              .asText());
    }

    JsonNode first = json(call("GET", "/api/outbound/endpoints?limit=2", null), 200);
    assertThat(first.get("endpoints").findValuesAsText("id"))
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(first.get("has_more").asBoolean()).isTrue();
    JsonNode next =
        json(call("GET", "/api/outbound/endpoints?limit=2&after=" + ids.get(1), null), 200);
    assertThat(next.get("endpoints").findValuesAsText("id")).containsExactly(ids.get(2));
    JsonNode desc = json(call("GET", "/api/outbound/endpoints?order=desc", null), 200);
    assertThat(desc.get("endpoints").findValuesAsText("id"))
        .containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertError(call("GET", "/api/outbound/endpoints?limit=0", null), 400, "bad_request");
  }

  @Test
  void refusesBadCreationsWithTheDocumentedCodes() {
    assertError(
        call("POST", "/api/outbound/endpoints", body("nope", "/h", null)), 404, "not_found");
    assertError(
        call("POST", "/api/outbound/endpoints", body("app", "/h", null)), 400, "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints", "{\"source\":\"shop\"}"), 400, "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints", "{\"source\":\"shop\",\"url\":\"ftp://x/y\"}"),
        400,
        "bad_request");
    assertError(call("POST", "/api/outbound/endpoints", "{not json"), 400, "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints", body("shop", "/h", "\"status\":\"paused\"")),
        400,
        "bad_request");
    assertError(
        call(
            "POST",
            "/api/outbound/endpoints",
            body("shop", "/h", "\"metadata\":{\"k\":\"a\\u0000\"}")),
        400,
        "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints", body("shop", "/h", "\"description\":\"a\\nb\"")),
        400,
        "bad_request");
    assertError(
        call(
            "POST",
            "/api/outbound/endpoints",
            body("shop", "/h", "\"headers\":{\"webhook-id\":\"x\"}")),
        400,
        "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints", body("shop", "/h", "\"headers\":[1]")),
        400,
        "bad_request");
    assertThat(call("GET", "/api/outbound/endpoints", null).statusCode()).isEqualTo(200);
    assertThat(json(call("GET", "/api/outbound/endpoints", null), 200).get("endpoints")).isEmpty();
  }

  @Test
  void anEndpointThatDoesNotEchoTheChallengeIsRefusedWith422AndNotStored() {
    try (RecordingReceiver silent = RecordingReceiver.start()) {
      silent.respondWith(404);
      String request = "{\"source\":\"shop\",\"url\":\"" + silent.url("/hooks") + "\"}";
      HttpResponse<String> refused = call("POST", "/api/outbound/endpoints", request);

      JsonNode error = assertError(refused, 422, "endpoint_verification_failed");
      assertThat(error.get("details").asText()).isEqualTo("HTTP 404");
      assertThat(silent.requests()).hasSize(1);
      assertThat(silent.requests().get(0).header("x-qhook-event-type"))
          .isEqualTo("qhook.endpoint.verify");
    }
    assertThat(json(call("GET", "/api/outbound/endpoints", null), 200).get("endpoints")).isEmpty();
  }

  @Test
  void subscriptionsAreAddedOnceListedAndDeletedPerEndpoint() {
    String id = createEndpoint();
    String other = createEndpoint();
    String path = "/api/outbound/endpoints/" + id + "/subscriptions";

    JsonNode added =
        json(
            call("POST", path, "{\"event_types\":[\"order.*\",\"invoice.paid\",\"order.*\"]}"),
            201);
    assertThat(added.get("subscriptions").findValuesAsText("event_type"))
        .containsExactly("order.*", "invoice.paid");
    JsonNode again = json(call("POST", path, "{\"event_types\":[\"order.*\"]}"), 201);
    assertThat(again.get("subscriptions")).isEmpty();
    assertError(call("POST", path, "{\"event_types\":[]}"), 400, "bad_request");
    assertError(call("POST", path, "{\"event_types\":[\"or*der\"]}"), 400, "bad_request");
    assertError(
        call("POST", path, "{\"event_types\":[\"" + "x".repeat(256) + "\"]}"), 400, "bad_request");
    assertError(call("POST", path, "{\"event_types\":[\"a\\u0000\"]}"), 400, "bad_request");
    assertError(
        call("POST", "/api/outbound/endpoints/nope/subscriptions", "{\"event_types\":[\"a\"]}"),
        404,
        "not_found");

    JsonNode listed = json(call("GET", path, null), 200);
    assertThat(listed.get("subscriptions")).hasSize(2);
    String subId = listed.get("subscriptions").get(0).get("id").asText();
    assertThat(listed.get("subscriptions").get(0).get("endpoint_id").asText()).isEqualTo(id);
    assertError(
        call("DELETE", "/api/outbound/endpoints/" + other + "/subscriptions/" + subId, null),
        404,
        "not_found");
    assertThat(call("DELETE", path + "/" + subId, null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", "/api/outbound/endpoints/" + id, null), 200).get("subscriptions"))
        .hasSize(1);
  }

  @Test
  void aSubscriptionCarriesItsFilterAndABadFilterIs400NamingIt() {
    String path = "/api/outbound/endpoints/" + createEndpoint() + "/subscriptions";
    String body = "{\"event_types\":[\"order.*\"],\"filter\":\"$.amount > 100\"}";

    assertThat(json(call("POST", path, body), 201).at("/subscriptions/0/filter").asText())
        .isEqualTo("$.amount > 100");
    json(call("POST", path, "{\"event_types\":[\"invoice.paid\"]}"), 201);
    JsonNode listed = json(call("GET", path, null), 200);
    assertThat(listed.at("/subscriptions/0/filter").asText()).isEqualTo("$.amount > 100");
    assertThat(listed.at("/subscriptions/1").has("filter")).isFalse();

    JsonNode bad =
        assertError(
            call("POST", path, "{\"event_types\":[\"a\"],\"filter\":\"$.amount >\"}"),
            400,
            "bad_request");
    assertThat(bad.get("message").asText()).startsWith("filter: ");
    assertError(call("POST", path, "{\"event_types\":[\"a\"],\"filter\":5}"), 400, "bad_request");
    assertThat(json(call("GET", path, null), 200).get("subscriptions")).hasSize(2);
  }

  @Test
  void anEndpointCarriesItsOwnRetryBlockCheckedLikeTheConfigFile() {
    String created =
        json(
                call(
                    "POST",
                    "/api/outbound/endpoints",
                    body("shop", "/hooks", "\"retry\":{\"max\":3,\"interval\":\"2s\"}")),
                201)
            .get("id")
            .asText();
    String path = "/api/outbound/endpoints/" + created;
    JsonNode retry = json(call("GET", path, null), 200).get("retry");
    assertThat(retry.get("max").asInt()).isEqualTo(3);
    assertThat(retry.get("interval").asText()).isEqualTo("2s");
    assertThat(retry.has("backoff")).isTrue();
    assertThat(
            json(call("GET", "/api/outbound/endpoints", null), 200)
                .at("/endpoints/0/retry/max")
                .asInt())
        .isEqualTo(3);

    for (String bad :
        List.of(
            "{\"retry\":5}",
            "{\"retry\":{\"max\":-1}}",
            "{\"retry\":{\"tries\":2}}",
            "{\"retry\":{\"interval\":\"soon\"}}",
            "{\"retry\":{\"interval\":\"1m\",\"max_interval\":\"1s\"}}",
            "{\"retry\":{\"errors\":[\"6xx\"]}}")) {
      JsonNode error = assertError(call("PUT", path, bad), 400, "bad_request");
      assertThat(error.get("message").asText()).as(bad).startsWith("retry");
    }
    assertThat(json(call("PUT", path, "{\"retry\":{\"max\":7}}"), 200).at("/retry/max").asInt())
        .isEqualTo(7);
    assertThat(json(call("PUT", path, "{\"retry\":{}}"), 200).get("retry").isNull()).isTrue();
    assertThat(createEndpointJson().get("retry").isNull()).isTrue();
  }

  @Test
  void rotatingASecretKeepsThePreviousOneForTheGrace() {
    String id = createEndpoint();
    String path = "/api/outbound/endpoints/" + id + "/rotate-secret";

    JsonNode withGrace = json(call("POST", path, "{\"grace\":\"1h\"}"), 200);
    assertThat(withGrace.get("signing_secret").asText()).startsWith("whsec_");
    assertThat(withGrace.get("previous_secret_expires_at").asText()).endsWith("Z");
    JsonNode noGrace = json(call("POST", path, "{\"grace\":\"0\"}"), 200);
    assertThat(noGrace.get("previous_secret_expires_at").isNull()).isTrue();
    JsonNode byDefault = json(call("POST", path, ""), 200);
    assertThat(byDefault.get("previous_secret_expires_at").isNull()).isFalse();
    assertError(call("POST", path, "{\"grace\":\"soon\"}"), 400, "bad_request");
    assertError(call("POST", "/api/outbound/endpoints/nope/rotate-secret", ""), 404, "not_found");
  }

  @Test
  void recoverNeedsSinceAnActiveEndpointAndAKnownOne() {
    String id = createEndpoint();
    String path = "/api/outbound/endpoints/" + id + "/recover";

    assertThat(json(call("POST", path, "{\"since\":\"2026-01-01\"}"), 200).get("recovered").asInt())
        .isZero();
    assertError(call("POST", path, "{}"), 400, "bad_request");
    assertError(call("POST", path, "{\"since\":\"yesterday\"}"), 400, "bad_request");
    call("PUT", "/api/outbound/endpoints/" + id, "{\"status\":\"disabled\"}");
    assertError(call("POST", path, "{\"since\":\"2026-01-01\"}"), 409, "conflict");
    assertError(
        call("POST", "/api/outbound/endpoints/nope/recover", "{\"since\":\"2026-01-01\"}"),
        404,
        "not_found");
  }

  @Test
  void theServersOwnEchoRouteAnswersTheOwnershipCheck() {
    String echo = server.uri("/_echo").toString();
    HttpResponse<String> created =
        call("POST", "/api/outbound/endpoints", "{\"source\":\"shop\",\"url\":\"" + echo + "\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void everyOutboundRouteNeedsTheBearerToken() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/api/outbound/endpoints")).GET().build());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private String createEndpoint() {
    return createEndpointJson().get("id").asText();
  }

  private JsonNode createEndpointJson() {
    return json(call("POST", "/api/outbound/endpoints", body("shop", "/hooks", null)), 201);
  }

  private String body(String source, String path, String extra) {
    return "{\"source\":\""
        + source
        + "\",\"url\":\""
        + receiver.url(path)
        + "\""
        + (extra == null ? "" : "," + extra)
        + "}";
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).header("Authorization", TOKEN);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return server.send(b.build());
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningServer.json(response);
  }

  private static JsonNode assertError(HttpResponse<String> response, int status, String code) {
    JsonNode error = json(response, status);
    assertThat(error.get("code").asText()).isEqualTo(code);
    return error;
  }
}
