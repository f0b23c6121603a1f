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
  private static final String SELECT_STEP =
      "SELECT "
          + Arrays.stream(Columns.JOB.split(","))
              .map(c -> "j." + c.trim())
              .collect(Collectors.joining(", "))
          + ", s.input, s.output, s.error, s.activation, s.resume"
          + " FROM jobs j JOIN workflow_steps s ON s.job_id = j.id";

  public Optional<WorkflowRun> run(Handle h, String id) {
    return h.createQuery(SELECT_RUN + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> run(rs))
        .findOne();
  }

  public Page<WorkflowRun> runs(Handle h, RunQuery q) {
    return new Listing(SELECT_RUN)
        .equal("workflow", q.workflow())
        .equal("status", q.status() == null ? null : q.status().label())
        .equal("event_id", q.eventId())
        .equal("parent_run_id", q.parentRunId())
        .window("created_at", q.since(), q.until())
        .page(h, q.after(), q.limit(), q.descending(), (rs, ctx) -> run(rs));
  }

  public List<RunStep> steps(Handle h, String runId) {
    return h.createQuery(SELECT_STEP + " WHERE j.workflow_run_id = :run ORDER BY j.id")
        .bind("run", runId)
        .map((rs, ctx) -> step(rs))
        .list();
  }

  public Optional<StepState> stepState(Handle h, String jobId) {
    Optional<RunStep> step =
        h.createQuery(SELECT_STEP + " WHERE j.id = :id")
            .bind("id", jobId)
            .map((rs, ctx) -> step(rs))
            .findOne();
    if (step.isEmpty() || step.get().job().step() == null) {
      return Optional.empty();
    }
    return run(h, step.get().job().step().runId()).map(run -> new StepState(run, step.get()));
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
        .map((rs, ctx) -> run(rs))
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

  private static WorkflowRun run(ResultSet rs) throws SQLException {
    return new WorkflowRun(
        rs.getString("id"),
        rs.getString("workflow"),
        rs.getString("event_id"),
        RunStatus.fromLabel(rs.getString("status")),
        rs.getString("definition_hash"),
        rs.getString("current_step"),
        rs.getString("parent_run_id"),
        rs.getString("parent_job_id"),
        rs.getString("input"),
        rs.getString("output"),
        rs.getString("error"),
        Columns.instantOrNull(rs, "deadline"),
        Columns.instant(rs, "created_at"),
        Columns.instantOrNull(rs, "completed_at"));
  }
}
