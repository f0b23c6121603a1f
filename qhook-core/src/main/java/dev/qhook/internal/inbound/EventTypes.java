package dev.qhook.internal.inbound;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.InboundRequest;
import dev.qhook.internal.ingest.Payload;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The event type of an inbound request (docs/reference/http-api.md, "Event type"). Webhooks: the
 * {@code ce-type} header; the body's {@code type} for {@code application/cloudevents+json}; the
 * convention of the source's {@code verify} scheme; else {@code event}. Events: {@code ce-type},
 * else the path. SNS notifications: the message's {@code type} or {@code detail-type}, the {@code
 * Subject}, else {@code sns.notification}. Only non-empty strings count. The body is parsed only
 * when a rule reads it, and then once (through {@link Payload}).
 */
final class EventTypes {
  static final String WEBHOOK_FALLBACK = "event";
  static final String SNS_FALLBACK = "sns.notification";
  private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

  private EventTypes() {}

  /** The type of a {@code /events/{source}/{type}} request. */
  static String ofEvent(InboundRequest request) {
    String type = nonEmpty(request.header("ce-type"));
    if (type != null) {
      return type;
    }
    return requireNonNull(request.eventType(), "an event request has a type");
  }

  /** The type of a webhook to a source verified with {@code verify} (null: no scheme). */
  static String ofWebhook(@Nullable String verify, InboundRequest request, Payload body) {
    String type = nonEmpty(request.header("ce-type"));
    if (type == null && isStructuredCloudEvent(request.header("content-type"))) {
      type = text(body.json(), "type");
    }
    if (type == null && verify != null) {
      type = convention(verify, request, body);
    }
    return type == null ? WEBHOOK_FALLBACK : type;
  }

  /**
   * The type of an SNS notification: a JSON object message's {@code type}, else its {@code
   * detail-type} (EventBridge); else a non-empty {@code Subject}; else {@code sns.notification}.
   */
  static String ofSnsNotification(@Nullable JsonNode message, @Nullable String subject) {
    String type = text(message, "type");
    if (type == null) {
      type = text(message, "detail-type");
    }
    if (type == null) {
      type = nonEmpty(subject);
    }
    return type == null ? SNS_FALLBACK : type;
  }

  static boolean isStructuredCloudEvent(@Nullable String contentType) {
    return contentType != null
        && contentType.trim().toLowerCase(Locale.ROOT).startsWith(CLOUDEVENTS_JSON);
  }

  /** The per-provider rule, or null when it yields nothing. */
  private static @Nullable String convention(String verify, InboundRequest request, Payload body) {
    return switch (verify) {
      case "github" -> github(request.header("x-github-event"), body);
      case "shopify" -> nonEmpty(request.header("x-shopify-topic"));
      case "gitlab" ->
          firstOf(text(body.json(), "object_kind"), nonEmpty(request.header("x-gitlab-event")));
      default -> bodyConvention(verify, body);
    };
  }

  /** The conventions that read only the body. */
  private static @Nullable String bodyConvention(String verify, Payload payload) {
    return switch (verify) {
      case "stripe", "standard-webhooks" -> text(payload.json(), "type");
      case "pagerduty" -> text(child(payload.json(), "event"), "event_type");
      case "linear" -> linear(payload.json());
      case "paddle" -> text(payload.json(), "event_type");
      case "terraform" -> text(firstNotification(payload.json()), "trigger");
      case "grafana" -> text(payload.json(), "status");
      default -> null;
    };
  }

  /** {@code <X-GitHub-Event>.<action>} when the body has a string action, else the header. */
  private static @Nullable String github(@Nullable String header, Payload body) {
    String event = nonEmpty(header);
    if (event == null) {
      return null;
    }
    String action = text(body.json(), "action");
    return action == null ? event : event + "." + action;
  }

  /** {@code <type>.<action>}, or the type alone. */
  private static @Nullable String linear(@Nullable JsonNode body) {
    String type = text(body, "type");
    if (type == null) {
      return null;
    }
    String action = text(body, "action");
    return action == null ? type : type + "." + action;
  }

  private static @Nullable JsonNode child(@Nullable JsonNode node, String field) {
    return node == null ? null : node.path(field);
  }

  private static @Nullable JsonNode firstNotification(@Nullable JsonNode body) {
    return body == null ? null : body.path("notifications").path(0);
  }

  /** The non-empty string at {@code field} of an object, else null. */
  static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? nonEmpty(value.textValue()) : null;
  }

  private static @Nullable String firstOf(@Nullable String first, @Nullable String second) {
    return first != null ? first : second;
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
