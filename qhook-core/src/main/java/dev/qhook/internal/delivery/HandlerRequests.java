package dev.qhook.internal.delivery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.internal.json.Json;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.TransportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP request of a handler delivery (docs/reference/http-api.md, "The request",
 * "Headers"). Event values outside printable ASCII travel percent-encoded, named in {@value
 * #ENCODED_HEADERS} ("Header values outside printable ASCII"), so that every stored event can be
 * sent.
 */
public final class HandlerRequests {
  /** Lists the headers whose values were percent-encoded, as sent, separated by ", ". */
  static final String ENCODED_HEADERS = "X-Qhook-Encoded-Headers";

  /** Headers the configured {@code headers} may not replace. */
  public static final Set<String> PROTECTED =
      Set.of(
          "x-qhook-encoded-headers",
          "host",
          "content-length",
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "expect");

  private final String userAgent;
  private final byte @Nullable [] signingKey;

  /**
   * @param signingKey the Standard Webhooks key of {@code delivery.signing_secret}, or null
   */
  public HandlerRequests(String version, byte @Nullable [] signingKey) {
    this.userAgent = "qhook/" + version;
    this.signingKey = signingKey;
  }

  public TransportRequest build(CompiledHandler handler, ClaimedJob claimed, Instant now) {
    Event event = claimed.event();
    String method = handler.config().method();
    byte[] body = event.payload();
    boolean json;
    if (handler.transform() != null) {
      JsonNode payload = Json.parseOrNull(body);
      json = payload != null;
      if (json) {
        body = handler.transform().render(payload).getBytes(StandardCharsets.UTF_8);
      }
    } else {
      json = isJson(body);
    }
    if (method.equals("GET")) {
      body = new byte[0];
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType(json, event.contentType()));
    headers.put("User-Agent", userAgent);
    headers.put("X-Qhook-Job-ID", claimed.job().id());
    headers.put("X-Qhook-Event-ID", event.id());
    Set<String> encoded = new LinkedHashSet<>();
    putEventValue(headers, encoded, "X-Qhook-Event-Type", event.eventType());
    headers.put("X-Qhook-Handler", handler.name());
    headers.put("X-Qhook-Attempt", Integer.toString(claimed.job().attempt()));
    headers.put("X-Qhook-Delivery-ID", Hmac.deliveryId(event.id() + ":" + handler.name()));
    event
        .headers()
        .forEach(
            (name, value) -> {
              if (name.startsWith("ce-")) {
                putEventValue(headers, encoded, name, value);
              }
            });
    if (signingKey != null) {
      long ts = now.getEpochSecond();
      headers.put("webhook-id", claimed.job().id());
      headers.put("webhook-timestamp", Long.toString(ts));
      headers.put(
          "webhook-signature",
          Hmac.standardWebhooksSignature(signingKey, claimed.job().id(), ts, body));
    }
    handler
        .config()
        .headers()
        .forEach(
            (name, value) -> {
              if (!PROTECTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
                encoded.removeIf(existing -> existing.equalsIgnoreCase(name));
                headers.put(name, value);
              }
            });
    if (!encoded.isEmpty()) {
      headers.put(ENCODED_HEADERS, String.join(", ", encoded));
    }
    return new TransportRequest(method, handler.url(), headers, body, handler.config().timeout());
  }

  /** Puts a value that came with the event, percent-encoded when it is not printable ASCII. */
  private static void putEventValue(
      Map<String, String> headers, Set<String> encoded, String name, String value) {
    if (HeaderValues.needsEncoding(value)) {
      headers.put(name, HeaderValues.encode(value));
      encoded.add(name);
    } else {
      headers.put(name, value);
    }
  }

  /** Checks a body is one JSON document by streaming over it, without building a tree. */
  static boolean isJson(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException notJson) {
      return false;
    }
  }

  private static String contentType(boolean json, @Nullable String stored) {
    if (json) {
      return "application/json";
    }
    return stored != null ? stored : "application/octet-stream";
  }
}
