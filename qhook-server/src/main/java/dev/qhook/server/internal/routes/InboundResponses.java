package dev.qhook.server.internal.routes;

import dev.qhook.EntryResult;
import dev.qhook.IngestResult;
import dev.qhook.Received;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Response;
import java.util.ArrayList;
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
    if (received instanceof Received.Batch batch) {
      return Response.json(batch.httpStatus(), batchBody(batch));
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

  /**
   * {@code {"accepted":n,"duplicates":n,"rejected":n,"results":[...]}}: each result the ingest
   * response of its entry, or {@code {"error":{"code","message","details"?}}}.
   */
  private static Map<String, Object> batchBody(Received.Batch batch) {
    List<Object> results = new ArrayList<>(batch.results().size());
    for (EntryResult entry : batch.results()) {
      if (entry instanceof EntryResult.Ingested ingested) {
        IngestResult r = ingested.result();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event_id", r.eventId());
        result.put("duplicate", r.duplicate());
        result.put("jobs_created", r.jobsCreated());
        result.put("workflow_runs_started", r.workflowRunsStarted());
        results.add(result);
      } else {
        EntryResult.Rejected rejected = (EntryResult.Rejected) entry;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", rejected.code());
        error.put("message", rejected.message());
        if (!rejected.details().isEmpty()) {
          error.put("details", details(rejected.details()));
        }
        results.add(Map.of("error", error));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", batch.accepted());
    body.put("duplicates", batch.duplicates());
    body.put("rejected", batch.rejected());
    body.put("results", results);
    return body;
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
