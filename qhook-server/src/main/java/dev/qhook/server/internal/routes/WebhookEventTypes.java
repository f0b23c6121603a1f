package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.Request;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The event type of a {@code /webhooks} request (SPEC §3.3): the {@code ce-type} header; the body's
 * {@code type} for {@code application/cloudevents+json}; the convention of the source's {@code
 * verify} scheme; else {@code event}. Only non-empty strings count.
 */
final class WebhookEventTypes {
  static final String FALLBACK = "event";
  private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

  private WebhookEventTypes() {}

  /**
   * @param body the body parsed as JSON, or null when it is not JSON
   */
  static String of(@Nullable String verify, Request request, @Nullable JsonNode body) {
    return of(verify, request, () -> body);
  }

  /**
   * @param body parses the body as JSON (null when it is not JSON); called only when a rule reads
   *     the body, so a {@code ce-type} header or a header-only convention costs no parse
   */
  static String of(@Nullable String verify, Request request, Supplier<@Nullable JsonNode> parse) {
    Supplier<@Nullable JsonNode> body = once(parse);
    String type = nonEmpty(request.header("ce-type"));
    if (type == null && isStructuredCloudEvent(request.header("Content-Type"))) {
      type = text(body.get(), "type");
    }
    if (type == null && verify != null) {
      type = convention(verify, request, body);
    }
    return type == null ? FALLBACK : type;
  }

  /** Parses at most once, however many rules ask. */
  private static Supplier<@Nullable JsonNode> once(Supplier<@Nullable JsonNode> parse) {
    return new Supplier<>() {
      private boolean parsed;
      private @Nullable JsonNode value;

      @Override
      public @Nullable JsonNode get() {
        if (!parsed) {
          value = parse.get();
          parsed = true;
        }
        return value;
      }
    };
  }

  static boolean isStructuredCloudEvent(@Nullable String contentType) {
    return contentType != null
        && contentType.trim().toLowerCase(Locale.ROOT).startsWith(CLOUDEVENTS_JSON);
  }

  /** The per-provider rule of SPEC §3.3, or null when it yields nothing. */
  static @Nullable String convention(
      String verify, Request request, Supplier<@Nullable JsonNode> parse) {
    return switch (verify) {
      case "github" -> github(request.header("X-GitHub-Event"), parse);
      case "shopify" -> nonEmpty(request.header("X-Shopify-Topic"));
      case "gitlab" ->
          firstOf(text(parse.get(), "object_kind"), nonEmpty(request.header("X-Gitlab-Event")));
      default -> bodyConvention(verify, parse.get());
    };
  }

  /** The conventions that read only the body. */
  private static @Nullable String bodyConvention(String verify, @Nullable JsonNode body) {
    return switch (verify) {
      case "stripe", "standard-webhooks" -> text(body, "type");
      case "pagerduty" -> text(body == null ? null : body.path("event"), "event_type");
      case "linear" -> linear(body);
      case "paddle" -> text(body, "event_type");
      case "terraform" -> text(body == null ? null : body.path("notifications").path(0), "trigger");
      case "grafana" -> text(body, "status");
      default -> null;
    };
  }

  /** {@code <X-GitHub-Event>.<action>} when the body has a string action, else the header. */
  private static @Nullable String github(
      @Nullable String header, Supplier<@Nullable JsonNode> parse) {
    String event = nonEmpty(header);
    if (event == null) {
      return null;
    }
    String action = text(parse.get(), "action");
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
