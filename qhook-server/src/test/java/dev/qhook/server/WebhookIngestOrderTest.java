package dev.qhook.server;

import static dev.qhook.server.SignedWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.spi.Event;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order of the webhook checks (docs/reference/http-api.md, "POST /webhooks/{source}"):
 * allowed_ips (403) before the signature (401), the signature before UTF-8 and schema (400), then
 * the event type ("Event type"). Every refusal stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIngestOrderTest {
  private static final String YAML =
      """
      server: { allow_private_urls: true, trust_proxy: true }
      sources:
        office:
          type: webhook
          verify: hmac
          secret: s3cret
          allowed_ips: ['10.0.0.0/8', '2001:db8::/32']
        typed:
          type: webhook
          verify: hmac
          secret: s3cret
          schema:
            type: object
            required: [id]
            properties: { id: { type: integer } }
        gh: { type: webhook, verify: github, secret: s3cret }
        plain: { type: webhook }
        app: { type: event, schema: '{"type": "object", "required": ["id"]}' }
      """;

  private RunningServer server;

  @BeforeAll
  void start() {
    server =
        RunningServer.start(
            QHookConfig.fromYaml(YAML), UnaryOperator.identity(), UnaryOperator.identity());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, SignedRequest signed, String... extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(signed.headers());
    for (int i = 0; i < extraHeaders.length; i += 2) {
      headers.put(extraHeaders[i], extraHeaders[i + 1]);
    }
    return server.post(path, signed.body(), headers);
  }

  private static SignedRequest hmac(String body) {
    return WebhookSigners.hmac("s3cret", bytes(body));
  }

  private int count(String source) {
    return server.events(source).size();
  }

  @Test
  void clientOutsideAllowedIpsIsForbiddenEvenWhenSigned() {
    HttpResponse<String> response =
        post("/webhooks/office", hmac("{}"), "X-Forwarded-For", "192.168.1.5");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("ip_not_allowed");
    assertThat(count("office")).isZero();
    assertThat(server.verificationFailures("office")).isZero();
  }

  @Test
  void allowedIpsAreCheckedBeforeTheSignature() {
    HttpResponse<String> unsigned =
        server.post("/webhooks/office", bytes("{}"), Map.of("X-Forwarded-For", "203.0.113.9"));

    assertThat(unsigned.statusCode()).isEqualTo(403);
  }

  @Test
  void clientInsideAllowedIpsThroughTheProxyIsAccepted() {
    assertThat(post("/webhooks/office", hmac("{}"), "X-Forwarded-For", "10.1.2.3, 172.16.0.1"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
    assertThat(post("/webhooks/office", hmac("{}"), "X-Forwarded-For", "2001:db8::7"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
    assertThat(post("/webhooks/office", hmac("{}"), "X-Real-IP", "10.9.9.9"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
  }

  @Test
  void bodyViolatingTheSchemaGetsDetails() {
    int before = count("typed");

    HttpResponse<String> response = post("/webhooks/typed", hmac("{\"id\": \"seven\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("code").asText()).isEqualTo("schema_invalid");
    assertThat(body.get("details")).hasSize(1);
    assertThat(body.at("/details/0/path").asText()).isEqualTo("$.id");
    assertThat(body.at("/details/0/message").asText()).contains("integer");
    assertThat(count("typed")).isEqualTo(before);
  }

  @Test
  void bodyThatIsNotJsonFailsTheSchema() {
    HttpResponse<String> response = post("/webhooks/typed", hmac("id=7"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(response).at("/details/0/path").asText()).isEqualTo("$");
  }

  @Test
  void validBodyPassesTheSchema() {
    assertThat(post("/webhooks/typed", hmac("{\"id\": 7}")).statusCode()).isEqualTo(200);
  }

  @Test
  void signatureIsCheckedBeforeTheSchema() {
    HttpResponse<String> response = server.post("/webhooks/typed", bytes("{}"), Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void eventsRouteAppliesTheSchemaToo() {
    HttpResponse<String> bad = server.post("/events/app/order.created", "{\"no\": 1}");
    HttpResponse<String> good = server.post("/events/app/order.created", "{\"id\": 1}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(bad).get("code").asText()).isEqualTo("schema_invalid");
    assertThat(RunningServer.json(bad).at("/details/0/message").asText()).contains("id");
    assertThat(good.statusCode()).isEqualTo(202);
  }

  @Test
  void signedBodyThatIsNotUtf8IsABadRequest() {
    byte[] latin1 = {'{', '"', 'n', '"', ':', '"', (byte) 0xE9, '"', '}'};
    int before = count("gh");

    HttpResponse<String> signed =
        server.post("/webhooks/gh", latin1, WebhookSigners.github("s3cret", latin1).headers());
    HttpResponse<String> unsigned = server.post("/webhooks/gh", latin1, Map.of());

    assertThat(signed.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(signed).get("code").asText()).isEqualTo("invalid_encoding");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(count("gh")).isEqualTo(before);
  }

  @ParameterizedTest(name = "X-Hub-Signature-256: ''{0}''")
  @ValueSource(
      strings = {
        "",
        " ",
        "sha256=",
        "sha256=zz",
        "sha1=0123456789abcdef0123456789abcdef01234567",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "sha256=\u00e9\u00e9"
      })
  void malformedSignatureHeadersAreUnauthorizedNeverAServerError(String value) {
    int before = count("gh");

    HttpResponse<String> response =
        server.post("/webhooks/gh", bytes("{}"), Map.of("X-Hub-Signature-256", value));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("signature_invalid");
    assertThat(count("gh")).isEqualTo(before);
  }

  @Test
  void missingAndOversizedSignatureHeadersAreUnauthorized() {
    HttpResponse<String> missing = server.post("/webhooks/gh", bytes("{}"), Map.of());
    HttpResponse<String> oversized =
        server.post(
            "/webhooks/gh",
            bytes("{}"),
            Map.of("X-Hub-Signature-256", "sha256=" + "ab".repeat(8000)));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(RunningServer.json(missing).get("message").asText()).contains("X-Hub-Signature-256");
    assertThat(oversized.statusCode()).isEqualTo(401);
    assertThat(count("gh")).isZero();
  }

  @Test
  void binaryCloudEventTypeWinsOverTheSchemeConvention() {
    SignedRequest signed =
        WebhookSigners.github("s3cret", bytes("{\"action\":\"opened\"}"))
            .withHeader("X-GitHub-Event", "issues")
            .withHeader("ce-type", "com.example.issue.opened")
            .withHeader("ce-source", "/repos/x")
            .withHeader("ce-specversion", "1.0")
            .withHeader("ce-id", "1");

    HttpResponse<String> response = post("/webhooks/gh", signed);

    assertThat(response.statusCode()).isEqualTo(200);
    Event event = stored("gh", response);
    assertThat(event.eventType()).isEqualTo("com.example.issue.opened");
    assertThat(event.headers()).containsEntry("ce-source", "/repos/x");
  }

  @Test
  void structuredCloudEventTypeComesFromTheBodyWhichIsStoredWhole() {
    String envelope =
        "{\"specversion\":\"1.0\",\"type\":\"com.example.build.done\",\"source\":\"/ci\","
            + "\"id\":\"9\",\"data\":{\"ok\":true}}";
    SignedRequest signed =
        WebhookSigners.github("s3cret", bytes(envelope))
            .withHeader("X-GitHub-Event", "push")
            .withHeader("Content-Type", "application/cloudevents+json; charset=utf-8");

    HttpResponse<String> response = post("/webhooks/gh", signed);

    assertThat(response.statusCode()).isEqualTo(200);
    Event event = stored("gh", response);
    assertThat(event.eventType()).isEqualTo("com.example.build.done");
    assertThat(new String(event.payload(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(envelope);
  }

  @Test
  void schemeConventionAppliesWithoutCloudEvents() {
    SignedRequest push =
        WebhookSigners.github("s3cret", bytes("{\"ref\":\"main\"}"))
            .withHeader("X-GitHub-Event", "push");
    SignedRequest arrayBody =
        WebhookSigners.github("s3cret", bytes("[1]")).withHeader("X-GitHub-Event", "ping");

    assertThat(stored("gh", post("/webhooks/gh", push)).eventType()).isEqualTo("push");
    assertThat(stored("gh", post("/webhooks/gh", arrayBody)).eventType()).isEqualTo("ping");
  }

  @Test
  void unverifiedSourceFallsBackToEvent() {
    HttpResponse<String> response =
        server.post("/webhooks/plain", bytes("{\"type\":\"x\"}"), Map.of());

    assertThat(stored("plain", response).eventType()).isEqualTo("event");
  }

  private Event stored(String source, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = RunningServer.json(response).get("event_id").asText();
    return server.events(source).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
