package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workflow run to create: at ingest with its event ({@link NewEvent#runs()}), or as a child run
 * of a {@code workflow} step ({@link RunAdvance.Builder#childRun}).
 *
 * @param definition the pinned definition: its content hash and canonical JSON; stored once per
 *     hash
 * @param status {@link RunStatus#RUNNING}, or {@link RunStatus#FAILED} for a run whose params check
 *     failed (then {@code error} is set and {@code firstStep} is null)
 * @param parentJobId for a child run, the parent's {@code workflow} step job
 * @param input the run's input (the triggering payload) as JSON text, or the raw payload as text
 * @param deadline when the run times out, or null for never
 */
public record NewRun(
    String id,
    String workflow,
    Definition definition,
    RunStatus status,
    @Nullable String parentRunId,
    @Nullable String parentJobId,
    String input,
    @Nullable String error,
    @Nullable Instant deadline,
    @Nullable NewStep firstStep) {

  /** A workflow definition as pinned by its runs: a content hash and its canonical JSON. */
  public record Definition(String hash, String json) {
    public Definition {
      requireNonNull(hash, "hash");
      requireNonNull(json, "json");
    }
  }

  public NewRun {
    requireNonNull(id, "id");
    requireNonNull(workflow, "workflow");
    requireNonNull(definition, "definition");
    requireNonNull(status, "status");
    requireNonNull(input, "input");
    if ((status == RunStatus.RUNNING) != (firstStep != null)) {
      throw new IllegalArgumentException("a running run starts with a step; only it does");
    }
    if (status != RunStatus.RUNNING && status != RunStatus.FAILED) {
      throw new IllegalArgumentException("a run starts running or failed, not " + status);
    }
    if ((parentRunId == null) != (parentJobId == null)) {
      throw new IllegalArgumentException("parentRunId and parentJobId go together");
    }
  }
}
