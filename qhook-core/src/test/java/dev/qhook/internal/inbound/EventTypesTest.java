package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.InboundRequest;
import dev.qhook.internal.ingest.Payload;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-provider event-type conventions, the CloudEvents precedence and the SNS rule. */
class EventTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String type(@Nullable String verify, String body, Map<String, String> headers) {
    InboundRequest.Builder request = InboundRequest.webhook("s").body(body);
    headers.forEach(request::header);
    InboundRequest built = request.build();
    return EventTypes.ofWebhook(verify, built, Payload.of(built.body()));
  }

  @ParameterizedTest(name = "{0} {1} {2}={3} -> {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "github    | {\"action\":\"closed\"}          | X-GitHub-Event | pull_request | pull_request.closed",
        "github    | {\"action\":7}                   | X-GitHub-Event | push         | push",
        "github    | not json                         | X-GitHub-Event | push         | push",
        "github    | {\"action\":\"opened\"}          | X-Other        | x            | event",
        "stripe    | {\"type\":\"invoice.paid\"}      | X-Other        | x            | invoice.paid",
        "stripe    | {\"type\":\"\"}                  | X-Other        | x            | event",
        "shopify   | {}                               | X-Shopify-Topic| orders/create| orders/create",
        "gitlab    | {\"object_kind\":\"merge_request\"} | X-Gitlab-Event | Push Hook | merge_request",
        "gitlab    | {}                               | X-Gitlab-Event | Push Hook    | Push Hook",
        "pagerduty | {\"event\":{\"event_type\":\"incident.triggered\"}} | X-Other | x | incident.triggered",
        "pagerduty | {\"event_type\":\"top.level\"}   | X-Other        | x            | event",
        "linear    | {\"type\":\"Issue\",\"action\":\"create\"} | X-Other | x   | Issue.create",
        "linear    | {\"type\":\"Comment\"}           | X-Other        | x            | Comment",
        "linear    | {\"action\":\"create\"}          | X-Other        | x            | event",
        "paddle    | {\"event_type\":\"transaction.completed\"} | X-Other | x   | transaction.completed",
        "terraform | {\"notifications\":[{\"trigger\":\"run:completed\"}]} | X-Other | x | run:completed",
        "terraform | {\"notifications\":[]}           | X-Other        | x            | event",
        "grafana   | {\"status\":\"resolved\"}        | X-Other        | x            | resolved",
        "standard-webhooks | {\"type\":\"user.created\"} | X-Other     | x            | user.created",
        "hmac      | {\"type\":\"ignored\"}           | X-Other        | x            | event",
        "twilio    | {\"type\":\"ignored\"}           | X-Other        | x            | event",
        "github    | {\"action\":\"opened\"}          | ce-type        | com.x.y      | com.x.y",
        "          | {\"type\":\"ignored\"}           | ce-type        | com.x.y      | com.x.y",
        "          | {\"type\":\"a.b\"}               | Content-Type   | application/cloudevents+json; charset=utf-8 | a.b",
        "          | {\"type\":\"a.b\"}               | Content-Type   | application/json | event",
        "stripe    | {\"type\":\"from.body\"}         | Content-Type   | Application/CloudEvents+JSON | from.body",
      })
  void conventions(String verify, String body, String header, String value, String expected)
      throws Exception {
    assertThat(
            type(verify == null || verify.isBlank() ? null : verify, body, Map.of(header, value)))
        .isEqualTo(expected);
  }

  @Test
  void eventsTakeCeTypeBeforeThePath() {
    InboundRequest plain = InboundRequest.event("app", "order.created").build();
    InboundRequest cloudEvent =
        InboundRequest.event("app", "order.created").header("ce-type", "com.x.order").build();
    assertThat(EventTypes.ofEvent(plain)).isEqualTo("order.created");
    assertThat(EventTypes.ofEvent(cloudEvent)).isEqualTo("com.x.order");
  }

  @Test
  void snsNotificationsTakeTypeThenDetailTypeThenSubject() throws Exception {
    assertThat(EventTypes.ofSnsNotification(JSON.readTree("{\"type\":\"a.b\"}"), "subj"))
        .isEqualTo("a.b");
    assertThat(
            EventTypes.ofSnsNotification(JSON.readTree("{\"detail-type\":\"EC2 State\"}"), "subj"))
        .isEqualTo("EC2 State");
    assertThat(EventTypes.ofSnsNotification(null, "Price – 5 €")).isEqualTo("Price – 5 €");
    assertThat(EventTypes.ofSnsNotification(null, "")).isEqualTo("sns.notification");
  }

  @Test
  void aBodyIsParsedOnlyWhenARuleReadsIt() {
    InboundRequest request =
        InboundRequest.webhook("s").header("X-Shopify-Topic", "orders/create").body("{").build();
    Payload payload = Payload.of(request.body());
    assertThat(EventTypes.ofWebhook("shopify", request, payload)).isEqualTo("orders/create");
  }
}
