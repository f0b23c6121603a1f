package dev.qhook.server.internal.routes;

import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands an accepted request to the engine and renders the ingest body of SPEC §3.1. */
final class IngestResponses {
  private static final Logger log = LoggerFactory.getLogger(IngestResponses.class);

  private final QHook engine;

  IngestResponses(QHook engine) {
    this.engine = engine;
  }

  Map<String, Object> ingest(IngestRequest request) {
    IngestResult result = engine.ingest(request);
    log.debug(
        "accepted event_id={} source={} event_type={} duplicate={} jobs_created={}",
        result.eventId(),
        request.source(),
        request.eventType(),
        result.duplicate(),
        result.jobsCreated());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_id", result.eventId());
    body.put("duplicate", result.duplicate());
    body.put("jobs_created", result.jobsCreated());
    body.put("workflow_runs_started", result.workflowRunsStarted());
    return body;
  }
}
