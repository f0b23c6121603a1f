package dev.qhook.internal.delivery;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.Event;
import dev.qhook.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the signed requests to customer endpoints (docs/reference/http-api.md, "Deliveries to
 * outbound endpoints"): a {@code POST} of the raw payload with the Standard Webhooks headers,
 * signed with every secret that signs at send time (two during a rotation's grace period), and the
 * endpoint's own extra headers.
 */
public final class OutboundRequests {
  private final String userAgent;

  public OutboundRequests(String version) {
    this.userAgent = "qhook/" + version;
  }

  /** The delivery of a claimed outbound job; {@code webhook-id} is the job id. */
  public TransportRequest delivery(
      Endpoint endpoint, ClaimedJob claimed, Instant now, Duration timeout) {
    Event event = claimed.event();
    return request(
        endpoint, claimed.job().id(), event.id(), event.eventType(), event.payload(), now, timeout);
  }

  /**
   * A request to {@code endpoint} of an event that is not stored (the ownership challenge): {@code
   * messageId} is both {@code webhook-id} and {@code X-Qhook-Event-ID}.
   */
  public TransportRequest message(
      Endpoint endpoint,
      String messageId,
      String eventType,
      byte[] body,
      Instant now,
      Duration timeout) {
    return request(endpoint, messageId, messageId, eventType, body, now, timeout);
  }

  private TransportRequest request(
      Endpoint endpoint,
      String webhookId,
      String eventId,
      String eventType,
      byte[] body,
      Instant now,
      Duration timeout) {
    long ts = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", userAgent);
    headers.put("webhook-id", webhookId);
    headers.put("webhook-timestamp", Long.toString(ts));
    headers.put("webhook-signature", signature(endpoint.signingSecrets(now), webhookId, ts, body));
    headers.put("X-Qhook-Event-ID", eventId);
    if (HeaderValues.needsEncoding(eventType)) {
      headers.put("X-Qhook-Event-Type", HeaderValues.encode(eventType));
      headers.put(HandlerRequests.ENCODED_HEADERS, "X-Qhook-Event-Type");
    } else {
      headers.put("X-Qhook-Event-Type", eventType);
    }
    headers.putAll(endpoint.headers()); // checked at creation: none of the above
    return new TransportRequest("POST", URI.create(endpoint.url()), headers, body, timeout);
  }

  /**
   * The {@code webhook-signature} value: {@code v1,<base64>} per secret, newest first, separated by
   * a space.
   */
  static String signature(List<String> secrets, String id, long timestamp, byte[] body) {
    return secrets.stream()
        .map(s -> Hmac.standardWebhooksSignature(Hmac.standardWebhooksKey(s), id, timestamp, body))
        .collect(Collectors.joining(" "));
  }
}
