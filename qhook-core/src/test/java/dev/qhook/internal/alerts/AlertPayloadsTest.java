package dev.qhook.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.Alert;
import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPayloadsTest {
  private static final Alert FAILURE = Alert.verificationFailure("github", "signature mismatch");

  private static JsonNode render(AlertType type, Alert alert) throws Exception {
    return Json.MAPPER.readTree(AlertPayloads.render(type, alert));
  }

  @Test
  void genericCarriesKindFieldsAndMessage() throws Exception {
    JsonNode body = render(AlertType.GENERIC, FAILURE);

    assertThat(body.get("alert").asText()).isEqualTo("verification_failure");
    assertThat(body.get("source").asText()).isEqualTo("github");
    assertThat(body.get("message").asText())
        .isEqualTo("signature verification failed for source 'github': signature mismatch");
    assertThat(body.size()).isEqualTo(3);
  }

  @Test
  void genericKeepsNumbersAsNumbers() throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("job_id", "01J");
    fields.put("handler", "crm");
    fields.put("attempts", 5);
    fields.put("error", "HTTP 500");
    JsonNode body = render(AlertType.GENERIC, new Alert(AlertKind.DLQ, "crm", fields, "dead"));

    assertThat(body.get("attempts").isInt()).isTrue();
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly("alert", "job_id", "handler", "attempts", "error", "message");
  }

  @Test
  void slackIsOneTextWithAnEmojiAndABulletPerField() throws Exception {
    String text = render(AlertType.SLACK, FAILURE).get("text").asText();

    assertThat(text).startsWith(":warning: *qhook alert: verification_failure*");
    assertThat(text).contains("signature mismatch").contains("\n• source: github");
  }

  @Test
  void discordEmbedIsColouredByKind() throws Exception {
    JsonNode embed = render(AlertType.DISCORD, FAILURE).get("embeds").get(0);

    assertThat(embed.get("title").asText()).isEqualTo("qhook alert: verification_failure");
    assertThat(embed.get("description").asText()).contains("• source: github");
    assertThat(embed.get("color").asInt()).isEqualTo(0xFFA500);
    assertThat(render(AlertType.DISCORD, Alert.dbUnhealthy("x")).at("/embeds/0/color").asInt())
        .isEqualTo(0xFF0000);
    assertThat(render(AlertType.DISCORD, Alert.custom("hi")).at("/embeds/0/color").asInt())
        .isEqualTo(0x3498DB);
  }

  @Test
  void everyKindHasAColour() {
    for (AlertKind kind : AlertKind.values()) {
      assertThat(AlertPayloads.color(kind))
          .isIn(AlertPayloads.RED, AlertPayloads.ORANGE, AlertPayloads.BLUE);
    }
  }
}
