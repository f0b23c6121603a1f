package dev.qhook;

/**
 * What ingest did (docs/reference/http-api.md, "The ingest response").
 *
 * @param eventId the stored event, or for a duplicate the original event
 * @param jobsCreated handler, queue and outbound jobs
 */
public record IngestResult(
    String eventId, boolean duplicate, int jobsCreated, int workflowRunsStarted) {}
