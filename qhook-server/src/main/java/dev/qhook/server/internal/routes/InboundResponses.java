package dev.qhook.server.internal.routes;

import dev.qhook.Received;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps what the engine did with an inbound request onto the HTTP answer, one case to one. */
final class InboundResponses {
  private InboundResponses() {}

  static Response of(Received received) {
    if (received instanceof Received.Accepted accepted) {
      return Response.jsonText(accepted.httpStatus(), accepted.result().toJson());
    }
    if (received instanceof Received.Duplicate duplicate) {
      return Response.jsonText(duplicate.httpStatus(), duplicate.result().toJson());
    }
    if (received instanceof Received.Acknowledged acknowledged) {
      return Response.text(200, "text/plain; charset=utf-8", acknowledged.message());
    }
    Received.Rejected rejected = (Received.Rejected) received;
    return Response.error(
        new ApiException(
            rejected.httpStatus(),
            rejected.code(),
            rejected.message(),
            rejected.details().isEmpty() ? null : details(rejected.details()),
            rejected.retryAfter().map(d -> (int) d.toSeconds()).orElse(null)));
  }

  private static List<Map<String, String>> details(List<Received.Violation> violations) {
    return violations.stream()
        .map(
            v -> {
              Map<String, String> detail = new LinkedHashMap<>();
              detail.put("path", v.path());
              detail.put("message", v.message());
              return detail;
            })
        .toList();
  }
}
