package dev.qhook;

import static java.util.Objects.requireNonNull;

/**
 * What replaying one stored event did (docs/reference/http-api.md, "POST /api/events/{id}/replay").
 */
public record ReplayResult(String eventId, int jobsCreated, int workflowRunsStarted) {
  public ReplayResult {
    requireNonNull(eventId, "eventId");
  }
}
