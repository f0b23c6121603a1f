package dev.qhook.jdbc.internal;

import dev.qhook.spi.Page;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepState;
import dev.qhook.spi.WorkflowRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Workflow run lookups and listings, step records, definitions and counts. */
public final class RunReader {
  static final String RUN =
      "id, workflow, event_id, status, definition_hash, current_step, parent_run_id,"
          + " parent_job_id, input, output, error, deadline, created_at, completed_at";
  private static final String SELECT_RUN = "SELECT " + RUN + " FROM workflow_runs";
  private static final String STEP_COLUMNS =
      "SELECT "
          + Arrays.stream(Columns.JOB.split(","))
              .map(c -> "j." + c.trim())
              .collect(Collectors.joining(", "))
          + ", s.input, s.output, s.error, s.activation, s.resume";
  private static final String SELECT_STEP =
      STEP_COLUMNS + " FROM jobs j JOIN workflow_steps s ON s.job_id = j.id";

  /** The run's columns in a step state read are named {@code run_<column>}. */
  private static final String RUN_ALIAS = "run_";

  private static final String SELECT_STEP_STATE =
      STEP_COLUMNS
          + ", "
          + Arrays.stream(RUN.split(","))
              .map(c -> "r." + c.trim() + " AS " + RUN_ALIAS + c.trim())
              .collect(Collectors.joining(", "))
          + " FROM jobs j JOIN workflow_steps s ON s.job_id = j.id"
          + " JOIN workflow_runs r ON r.id = j.workflow_run_id";

  public Optional<WorkflowRun> run(Handle h, String id) {
    return h.createQuery(SELECT_RUN + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> run(rs, ""))
        .findOne();
  }

  public Page<WorkflowRun> runs(Handle h, RunQuery q) {
    return new Listing(SELECT_RUN)
        .equal("workflow", q.workflow())
        .equal("status", q.status() == null ? null : q.status().label())
        .equal("event_id", q.eventId())
        .equal("parent_run_id", q.parentRunId())
        .window("created_at", q.since(), q.until())
        .page(h, q.after(), q.limit(), q.descending(), (rs, ctx) -> run(rs, ""));
  }

  public List<RunStep> steps(Handle h, String runId) {
    return h.createQuery(SELECT_STEP + " WHERE j.workflow_run_id = :run ORDER BY j.id")
        .bind("run", runId)
        .map((rs, ctx) -> step(rs))
        .list();
  }

  /** One query: the step job, its step record and its run (every step job has a run). */
  public Optional<StepState> stepState(Handle h, String jobId) {
    return h.createQuery(SELECT_STEP_STATE + " WHERE j.id = :id")
        .bind("id", jobId)
        .map((rs, ctx) -> new StepState(run(rs, RUN_ALIAS), step(rs)))
        .findOne();
  }

  public Optional<String> definition(Handle h, String hash) {
    return h.createQuery("SELECT definition FROM workflow_definitions WHERE hash = :hash")
        .bind("hash", hash)
        .mapTo(String.class)
        .findOne();
  }

  public List<WorkflowRun> overdue(Handle h, Instant now, int limit) {
    return h.createQuery(
            SELECT_RUN
                + " WHERE status = 'running' AND deadline IS NOT NULL AND deadline < :now"
                + " ORDER BY deadline, id LIMIT "
                + limit)
        .bind("now", Columns.millis(now))
        .map((rs, ctx) -> run(rs, ""))
        .list();
  }

  public Map<RunStatus, Long> countByStatus(Handle h) {
    Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
    h.createQuery("SELECT status, COUNT(*) AS n FROM workflow_runs GROUP BY status")
        .map((rs, ctx) -> Map.entry(RunStatus.fromLabel(rs.getString("status")), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  private static RunStep step(ResultSet rs) throws SQLException {
    return new RunStep(
        Columns.job(rs),
        rs.getString("input"),
        rs.getString("output"),
        rs.getString("error"),
        rs.getString("activation"),
        rs.getString("resume"));
  }

  /** A run from the columns named {@code prefix + column}. */
  private static WorkflowRun run(ResultSet rs, String p) throws SQLException {
    return new WorkflowRun(
        rs.getString(p + "id"),
        rs.getString(p + "workflow"),
        rs.getString(p + "event_id"),
        RunStatus.fromLabel(rs.getString(p + "status")),
        rs.getString(p + "definition_hash"),
        rs.getString(p + "current_step"),
        rs.getString(p + "parent_run_id"),
        rs.getString(p + "parent_job_id"),
        rs.getString(p + "input"),
        rs.getString(p + "output"),
        rs.getString(p + "error"),
        Columns.instantOrNull(rs, p + "deadline"),
        Columns.instant(rs, p + "created_at"),
        Columns.instantOrNull(rs, p + "completed_at"));
  }
}
