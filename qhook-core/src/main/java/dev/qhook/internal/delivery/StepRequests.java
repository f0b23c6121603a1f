package dev.qhook.internal.delivery;

import dev.qhook.config.HttpCall;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP request of a workflow step, branch or map item (docs/reference/configuration.md,
 * "Workflow steps"): the handler request format without the event's {@code ce-*} headers, a JSON
 * body, {@code X-Qhook-Handler: <workflow>/<step>} and a delivery id from {@code
 * <event_id>:<workflow>/<step>[/<branch>]}.
 */
public final class StepRequests {
  private final String userAgent;
  private final byte @Nullable [] signingKey;

  /**
   * @param signingKey the Standard Webhooks key of {@code delivery.signing_secret}, or null
   */
  public StepRequests(String version, byte @Nullable [] signingKey) {
    this.userAgent = "qhook/" + version;
    this.signingKey = signingKey;
  }

  /**
   * @param extraHeaders headers of the engine's own before the configured ones (the callback token
   *     of a notification)
   */
  public TransportRequest build(
      ClaimedJob claimed,
      HttpCall call,
      byte[] jsonBody,
      Map<String, String> extraHeaders,
      Duration timeout,
      Instant now) {
    Job job = claimed.job();
    Event event = claimed.event();
    StepRef step = job.step();
    String method = call.method();
    byte[] body = method.equals("GET") ? new byte[0] : jsonBody;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", userAgent);
    headers.put("X-Qhook-Job-ID", job.id());
    headers.put("X-Qhook-Event-ID", event.id());
    Set<String> encoded = new LinkedHashSet<>();
    String type = event.eventType();
    if (HeaderValues.needsEncoding(type)) {
      headers.put("X-Qhook-Event-Type", HeaderValues.encode(type));
      encoded.add("X-Qhook-Event-Type");
    } else {
      headers.put("X-Qhook-Event-Type", type);
    }
    headers.put("X-Qhook-Handler", job.target());
    headers.put("X-Qhook-Attempt", Integer.toString(job.attempt()));
    String branch = step == null || step.branch() == null ? "" : "/" + step.branch();
    headers.put("X-Qhook-Delivery-ID", Hmac.deliveryId(event.id() + ":" + job.target() + branch));
    if (signingKey != null) {
      long ts = now.getEpochSecond();
      headers.put("webhook-id", job.id());
      headers.put("webhook-timestamp", Long.toString(ts));
      headers.put(
          "webhook-signature", Hmac.standardWebhooksSignature(signingKey, job.id(), ts, body));
    }
    headers.putAll(extraHeaders);
    call.headers()
        .forEach(
            (name, value) -> {
              if (!HandlerRequests.PROTECTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
                encoded.removeIf(existing -> existing.equalsIgnoreCase(name));
                headers.put(name, value);
              }
            });
    if (!encoded.isEmpty()) {
      headers.put(HandlerRequests.ENCODED_HEADERS, String.join(", ", encoded));
    }
    return new TransportRequest(method, URI.create(call.url()), headers, body, timeout);
  }
}
