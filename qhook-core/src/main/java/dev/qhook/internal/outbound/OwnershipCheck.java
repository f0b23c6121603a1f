package dev.qhook.internal.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.OutboundException;
import dev.qhook.internal.delivery.OutboundRequests;
import dev.qhook.internal.json.Json;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ownership check of a new endpoint URL (docs/reference/http-api.md, "Ownership check"): a
 * {@code POST} signed with the endpoint's secret, of type {@value #EVENT_TYPE} and body {@code
 * {"type":"qhook.endpoint.verify","challenge":"<32 hex>"}}; the endpoint must answer 2xx within the
 * source's timeout with a JSON body whose {@code challenge} is the one sent.
 */
final class OwnershipCheck {
  private static final Logger log = LoggerFactory.getLogger(OwnershipCheck.class);
  static final String EVENT_TYPE = "qhook.endpoint.verify";

  private final Transport transport;
  private final OutboundRequests requests;
  private final Clock clock;

  OwnershipCheck(Transport transport, OutboundRequests requests, Clock clock) {
    this.transport = transport;
    this.requests = requests;
    this.clock = clock;
  }

  /**
   * Sends the challenge to the endpoint's URL.
   *
   * @throws OutboundException {@link OutboundException.Reason#VERIFICATION_FAILED} with the status
   *     code or error as details
   */
  void verify(Endpoint endpoint, Duration timeout) {
    String challenge = Secrets.newChallenge();
    byte[] body =
        ("{\"type\":\"" + EVENT_TYPE + "\",\"challenge\":\"" + challenge + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    TransportResult result;
    try {
      result =
          transport.send(
              requests.message(
                  endpoint, "verify_" + challenge, EVENT_TYPE, body, clock.instant(), timeout));
    } catch (RuntimeException e) {
      result = new TransportResult.NetworkError("request not sendable: " + e.getMessage(), 0);
    }
    String problem = problem(result, challenge);
    if (problem != null) {
      log.info(
          "endpoint URL {} failed the ownership check: {}",
          EndpointUrls.redacted(endpoint.url()),
          problem);
      throw new OutboundException(
          OutboundException.Reason.VERIFICATION_FAILED,
          "the endpoint did not answer the ownership challenge: " + problem,
          problem);
    }
  }

  private static @Nullable String problem(TransportResult result, String challenge) {
    if (result instanceof TransportResult.Timeout t) {
      return "timeout: " + t.message();
    }
    if (result instanceof TransportResult.NetworkError n) {
      return n.message();
    }
    TransportResult.Response r = (TransportResult.Response) result;
    if (!r.isSuccess()) {
      return "HTTP " + r.status();
    }
    JsonNode answer = Json.parseOrNull(r.body());
    JsonNode echoed = answer == null ? null : answer.get("challenge");
    if (echoed == null || !echoed.isTextual() || !echoed.asText().equals(challenge)) {
      return "HTTP " + r.status() + " without the challenge in a JSON body";
    }
    return null;
  }
}
