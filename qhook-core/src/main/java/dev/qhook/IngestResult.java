package dev.qhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * What ingest did (docs/reference/http-api.md, "The ingest response").
 *
 * @param eventId the stored event, or for a duplicate the original event
 * @param jobsCreated handler, queue and outbound jobs
 */
public record IngestResult(
    String eventId, boolean duplicate, int jobsCreated, int workflowRunsStarted) {

  /**
   * The documented answer body: {@code
   * {"event_id":…,"duplicate":…,"jobs_created":…,"workflow_runs_started":…}}. Written by hand: it
   * is the answer to every ingest, and a mapper costs more than the rest of it.
   */
  public String toJson() {
    return "{\"event_id\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(eventId))
        + "\",\"duplicate\":"
        + duplicate
        + ",\"jobs_created\":"
        + jobsCreated
        + ",\"workflow_runs_started\":"
        + workflowRunsStarted
        + "}";
  }
}
