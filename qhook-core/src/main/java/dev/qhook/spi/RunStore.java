package dev.qhook.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Workflow runs, their step records and callback tokens (docs/architecture.md, "Workflow runs"),
 * part of a {@link Store} ({@link Store#runs()}). Runs start in {@link Store#append} ({@link
 * NewEvent#runs}); every later transition is one {@link #advanceRun}, {@link #endRun} or {@link
 * #redriveRun} transaction. Step jobs live with the other jobs.
 */
public interface RunStore {

  /** The run store of a store that holds no runs: reads find nothing, writes refuse. */
  RunStore NONE = new RunStore() {};

  /**
   * Stores one transition of a run in one transaction (see {@link RunAdvance}). Returns false and
   * stores nothing when the job is not running at the completion's attempt or the run is not
   * running (then a job still open is cancelled).
   */
  default boolean advanceRun(RunAdvance advance) {
    throw unsupported();
  }

  /**
   * Stores many transitions, of any runs, as {@link #advanceRun} would one after the other, and
   * returns its result for each, in order; a store may commit them together (one transaction and
   * one sync). Each transition stays whole: when this throws, none of the list is stored (the
   * caller may then store them one by one).
   */
  default List<Boolean> advanceRuns(List<RunAdvance> advances) {
    List<Boolean> applied = new ArrayList<>(advances.size());
    for (RunAdvance a : advances) {
      applied.add(advanceRun(a));
    }
    return applied;
  }

  default Optional<WorkflowRun> run(String id) {
    return Optional.empty();
  }

  default Page<WorkflowRun> runs(RunQuery query) {
    return new Page<>(List.of(), false);
  }

  /** The step records of a run in execution order (job id order). */
  default List<RunStep> runSteps(String runId) {
    return List.of();
  }

  /** A step job with its run and step record; empty when either is gone. */
  default Optional<StepState> stepState(String jobId) {
    return Optional.empty();
  }

  /** The canonical JSON of the workflow definition with this content hash. */
  default Optional<String> definition(String hash) {
    return Optional.empty();
  }

  /**
   * Ends a running run as {@code status} (failed or cancelled) with {@code error}: its open jobs
   * are cancelled, its pending callback tokens invalidated, and the waiting step job of its parent
   * run woken with the outcome. Returns false when the run is not running.
   */
  default boolean endRun(String runId, RunStatus status, @Nullable String error, Instant now) {
    throw unsupported();
  }

  /** Up to {@code limit} running runs whose deadline is before {@code now}, oldest first. */
  default List<WorkflowRun> overdueRuns(Instant now, int limit) {
    return List.of();
  }

  /**
   * Makes a failed run running again with a new job for {@code step} and the given deadline
   * (docs/reference/http-api.md, "Redrive"). Returns false when the run is not failed.
   */
  default boolean redriveRun(String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    throw unsupported();
  }

  /**
   * Stores a pending callback token for the running step job {@code jobId} (before the notification
   * that carries it is sent): earlier pending tokens of the job are invalidated and what woke the
   * job before is cleared. Its expiry is set when the job starts to wait ({@link
   * RunAdvance#waitUntil}).
   */
  default void createCallbackToken(String token, String runId, String jobId, Instant now) {
    throw unsupported();
  }

  /**
   * Uses a pending, unexpired callback token of a running run, exactly once: records {@code resume}
   * as what woke its step job and makes the job available if it waits. Returns false for an
   * unknown, used, expired or invalidated token.
   */
  default boolean completeCallback(String token, String resume, Instant now) {
    throw unsupported();
  }

  /**
   * Expires the pending tokens whose expiry is before {@code now}: each step job is woken with
   * {@code resume}. Returns how many.
   */
  default int expireCallbackTokens(Instant now, String resume) {
    throw unsupported();
  }

  /** Runs per status. */
  default Map<RunStatus, Long> countRunsByStatus() {
    return Map.of();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("this store does not hold workflow runs");
  }
}
