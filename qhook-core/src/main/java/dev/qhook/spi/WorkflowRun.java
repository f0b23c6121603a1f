package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workflow run as stored (docs/reference/http-api.md, "Run").
 *
 * @param definitionHash the content hash of the definition the run is pinned to
 * @param currentStep the step the run is at (the last one started), null before any
 * @param input the run's input as JSON text
 * @param output the final payload of a completed run, as JSON text
 * @param error the error object of a failed run, as JSON text
 * @param deadline when the run times out ({@code timeout_at}), or null
 */
public record WorkflowRun(
    String id,
    String workflow,
    String eventId,
    RunStatus status,
    String definitionHash,
    @Nullable String currentStep,
    @Nullable String parentRunId,
    @Nullable String parentJobId,
    @Nullable String input,
    @Nullable String output,
    @Nullable String error,
    @Nullable Instant deadline,
    Instant createdAt,
    @Nullable Instant completedAt) {

  public WorkflowRun {
    requireNonNull(id, "id");
    requireNonNull(workflow, "workflow");
    requireNonNull(eventId, "eventId");
    requireNonNull(status, "status");
    requireNonNull(definitionHash, "definitionHash");
    requireNonNull(createdAt, "createdAt");
  }
}
