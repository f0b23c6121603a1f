package dev.qhook.internal.alerts;

import dev.qhook.Alert;
import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the three alert formats (docs/reference/configuration.md, "alerts"). */
final class AlertPayloads {
  static final int RED = 0xFF0000;
  static final int ORANGE = 0xFFA500;
  static final int BLUE = 0x3498DB;

  private AlertPayloads() {}

  static String render(AlertType type, Alert alert) {
    return switch (type) {
      case GENERIC -> Json.write(generic(alert));
      case SLACK -> Json.write(Map.of("text", slackText(alert)));
      case DISCORD -> Json.write(Map.of("embeds", List.of(discordEmbed(alert))));
    };
  }

  /** {@code {"alert": kind, ...fields, "message": summary}}. */
  static Map<String, Object> generic(Alert alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alert", alert.kind().label());
    alert.fields().forEach(body::putIfAbsent);
    body.put("message", alert.message());
    return body;
  }

  private static String slackText(Alert alert) {
    StringBuilder text =
        new StringBuilder(emoji(alert.kind()))
            .append(" *qhook alert: ")
            .append(alert.kind().label())
            .append("*\n")
            .append(alert.message());
    bullets(alert, text);
    return text.toString();
  }

  private static Map<String, Object> discordEmbed(Alert alert) {
    StringBuilder description = new StringBuilder(alert.message());
    bullets(alert, description);
    Map<String, Object> embed = new LinkedHashMap<>();
    embed.put("title", "qhook alert: " + alert.kind().label());
    embed.put("description", description.toString());
    embed.put("color", color(alert.kind()));
    return embed;
  }

  private static void bullets(Alert alert, StringBuilder text) {
    alert
        .fields()
        .forEach((name, value) -> text.append("\n• ").append(name).append(": ").append(value));
  }

  static int color(AlertKind kind) {
    return switch (kind) {
      case DLQ, WORKFLOW_FAILED, DB_UNHEALTHY, ENDPOINT_DISABLED -> RED;
      case VERIFICATION_FAILURE, CIRCUIT_OPENED, EVENT_TTL_EXPIRED -> ORANGE;
      case CUSTOM -> BLUE;
    };
  }

  private static String emoji(AlertKind kind) {
    return switch (color(kind)) {
      case RED -> ":rotating_light:";
      case ORANGE -> ":warning:";
      default -> ":information_source:";
    };
  }
}
