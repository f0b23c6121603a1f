package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.server.internal.http.Response;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands an accepted request to the engine and renders the ingest body of SPEC §3.1. */
final class IngestResponses {
  private static final Logger log = LoggerFactory.getLogger(IngestResponses.class);

  private final QHook engine;

  IngestResponses(QHook engine) {
    this.engine = engine;
  }

  /** Ingests, and answers {@code status} with the body of SPEC §3.1. */
  Response ingest(IngestRequest request, int status) {
    return accepted(request, engine.ingest(request), status);
  }

  /**
   * Queues the event for the group commit and answers {@code status} once it is committed; the
   * future fails with the engine's error. Refusals found before storing are thrown at once.
   */
  CompletableFuture<Response> ingestLater(IngestRequest request, int status) {
    return engine.ingestAsync(request).thenApply(result -> accepted(request, result, status));
  }

  private static Response accepted(IngestRequest request, IngestResult result, int status) {
    if (log.isDebugEnabled()) {
      log.debug(
          "accepted event_id={} source={} event_type={} duplicate={} jobs_created={}",
          result.eventId(),
          request.source(),
          request.eventType(),
          result.duplicate(),
          result.jobsCreated());
    }
    return Response.jsonText(status, body(result));
  }

  /**
   * {@code {"event_id":…,"duplicate":…,"jobs_created":…,"workflow_runs_started":…}}, written by
   * hand: this is the answer to every ingest, and a mapper costs more than the rest of it.
   */
  static String body(IngestResult result) {
    return "{\"event_id\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(result.eventId()))
        + "\",\"duplicate\":"
        + result.duplicate()
        + ",\"jobs_created\":"
        + result.jobsCreated()
        + ",\"workflow_runs_started\":"
        + result.workflowRunsStarted()
        + "}";
  }
}
