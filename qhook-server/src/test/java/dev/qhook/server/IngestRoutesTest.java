package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.SourceType;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestRoutesTest {
  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
    server =
        RunningServer.start(
            new TestConfig()
                .eventSource("app")
                .webhookSource("hooks")
                .source("gh", SourceType.WEBHOOK, "github", List.of())
                .source("office", SourceType.WEBHOOK, null, List.of("10.0.0.0/8"))
                .handler("orders", "app", receiver.url("/orders"))
                .handler("hooked", "hooks", receiver.url("/hooked")));
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void acceptedEventIsDeliveredWithItsQhookHeaders() {
    HttpResponse<String> response =
        server.post("/events/app/order.created", "{\"id\":42}", "Content-Type", "application/json");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = RunningServer.json(response);
    String eventId = body.get("event_id").asText();
    assertThat(eventId).hasSize(26);
    assertThat(body.get("duplicate").asBoolean()).isFalse();
    assertThat(body.get("jobs_created").asInt()).isEqualTo(1);
    assertThat(body.get("workflow_runs_started").asInt()).isZero();

    RecordedRequest delivered = receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0);
    assertThat(delivered.path()).isEqualTo("/orders");
    assertThat(delivered.bodyText()).isEqualTo("{\"id\":42}");
    assertThat(delivered.header("X-Qhook-Event-ID")).isEqualTo(eventId);
    assertThat(delivered.header("X-Qhook-Event-Type")).isEqualTo("order.created");
    assertThat(delivered.header("X-Qhook-Handler")).isEqualTo("orders");
    assertThat(delivered.header("X-Qhook-Attempt")).isEqualTo("1");
    assertThat(delivered.header("X-Qhook-Job-ID")).hasSize(26);
  }

  @Test
  void ceTypeHeaderOverridesThePathEventType() {
    HttpResponse<String> response =
        server.post("/events/app/ignored", "{}", "ce-type", "order.paid");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(
            receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0).header("X-Qhook-Event-Type"))
        .isEqualTo("order.paid");
  }

  @Test
  void idempotencyKeyHeaderAnswersTheOriginalEventForADuplicate() {
    String first =
        RunningServer.json(server.post("/events/app/x", "{}", "Idempotency-Key", "k-1"))
            .get("event_id")
            .asText();

    HttpResponse<String> again = server.post("/events/app/x", "{}", "Idempotency-Key", "k-1");

    assertThat(again.statusCode()).isEqualTo(202);
    JsonNode body = RunningServer.json(again);
    assertThat(body.get("event_id").asText()).isEqualTo(first);
    assertThat(body.get("duplicate").asBoolean()).isTrue();
    assertThat(body.get("jobs_created").asInt()).isZero();
  }

  @Test
  void webhookWithoutVerifyAnswers200AndDeliversAsTypeEvent() {
    HttpResponse<String> response = server.post("/webhooks/hooks", "plain text body");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("jobs_created").asInt()).isEqualTo(1);
    RecordedRequest delivered = receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0);
    assertThat(delivered.header("X-Qhook-Event-Type")).isEqualTo("event");
    assertThat(delivered.bodyText()).isEqualTo("plain text body");
  }

  @Test
  void webhookTakesTheTypeOfAStructuredCloudEvent() {
    server.post(
        "/webhooks/hooks",
        "{\"specversion\":\"1.0\",\"type\":\"user.signed_up\"}",
        "Content-Type",
        "application/cloudevents+json");

    assertThat(
            receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0).header("X-Qhook-Event-Type"))
        .isEqualTo("user.signed_up");
  }

  @Test
  void webhookSourceWithVerifyIsRefusedAndStoresNothing() {
    HttpResponse<String> response = server.post("/webhooks/gh", "{}", "X-GitHub-Event", "push");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("code").asText()).isEqualTo("signature_invalid");
    assertThat(body.get("message").asText())
        .isEqualTo("signature verification not available in this build");
    assertThat(server.get("/api/events").body()).contains("\"events\":[]");
  }

  @Test
  void webhookFromAnAddressOutsideAllowedIpsIsForbidden() {
    HttpResponse<String> response = server.post("/webhooks/office", "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("ip_not_allowed");
  }

  @Test
  void unknownSourceOrWrongSourceTypeIsNotFound() {
    assertThat(server.post("/events/nope/x", "{}").statusCode()).isEqualTo(404);
    assertThat(server.post("/events/hooks/x", "{}").statusCode()).isEqualTo(404);
    HttpResponse<String> webhookToEventSource = server.post("/webhooks/app", "{}");
    assertThat(webhookToEventSource.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(webhookToEventSource).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void bodyThatIsNotUtf8IsRejected() {
    HttpResponse<String> response =
        server.post("/events/app/x", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("invalid_encoding");
  }

  @Test
  void echoAnswersHeadersAndBody() {
    HttpResponse<String> response = server.post("/_echo", "{\"a\":[1,2]}", "X-Custom", "yes");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("body").get("a").get(1).asInt()).isEqualTo(2);
    assertThat(body.get("headers").get("x-custom").asText()).isEqualTo("yes");
    assertThat(RunningServer.json(server.get("/_echo")).get("body").asText()).isEmpty();
  }
}
