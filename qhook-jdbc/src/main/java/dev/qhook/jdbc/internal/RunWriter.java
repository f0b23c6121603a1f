package dev.qhook.jdbc.internal;

import dev.qhook.spi.NewRun;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Writes workflow runs: their start (with the event, or as a child run), their end from outside
 * their steps, redrive and callback tokens; their transitions are {@link TransitionWriter}'s. The
 * caller runs each call in one transaction. Each call that changes a run first locks the run's row
 * ({@code FOR UPDATE} on PostgreSQL and MySQL; SQLite has one writer), as transitions do.
 */
public final class RunWriter {
  private static final String INSERT_RUN =
      "INSERT INTO workflow_runs (id, workflow, event_id, status, definition_hash, current_step,"
          + " parent_run_id, parent_job_id, input, error, deadline, created_at, updated_at,"
          + " completed_at) VALUES (:id, :workflow, :eventId, :status, :hash, :currentStep,"
          + " :parentRunId, :parentJobId, :input, :error, :deadline, :now, :now, :completedAt)";
  private static final String INSERT_DEFINITION =
      "INSERT INTO workflow_definitions (hash, workflow, definition, created_at)"
          + " VALUES (:hash, :workflow, :definition, :now)";

  /** A definition already stored (the same content, so the same hash) is left as it is. */
  private static final String ON_TAKEN_HASH = " ON CONFLICT (hash) DO NOTHING";

  /** MySQL has no {@code ON CONFLICT}; this no-op update leaves the stored row as it is. */
  private static final String ON_TAKEN_HASH_MYSQL = " ON DUPLICATE KEY UPDATE hash = hash";

  static final String INSERT_STEP =
      "INSERT INTO workflow_steps (job_id, run_id, activation, input)"
          + " VALUES (:jobId, :runId, :activation, :input)";

  private final Dialect dialect;

  public RunWriter(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A run to insert, with the event it belongs to and its creation time. */
  record Started(NewRun run, String eventId, Instant createdAt) {}

  /** Inserts runs with their definitions and first step jobs. */
  static void insertRuns(Handle h, Dialect dialect, List<Started> runs) {
    PreparedBatch definitions =
        h.prepareBatch(
            INSERT_DEFINITION + (dialect == Dialect.MYSQL ? ON_TAKEN_HASH_MYSQL : ON_TAKEN_HASH));
    PreparedBatch rows = h.prepareBatch(INSERT_RUN);
    PreparedBatch jobs = EventWriter.jobBatch(h);
    PreparedBatch steps = h.prepareBatch(INSERT_STEP);
    for (Started s : runs) {
      NewRun run = s.run();
      long now = Columns.millis(s.createdAt());
      definitions
          .bind("hash", run.definition().hash())
          .bind("workflow", run.workflow())
          .bind("definition", run.definition().json())
          .bind("now", now)
          .add();
      NewStep first = run.firstStep();
      rows.bind("id", run.id())
          .bind("workflow", run.workflow())
          .bind("eventId", s.eventId())
          .bind("status", run.status().label())
          .bind("hash", run.definition().hash())
          .bind("currentStep", first == null ? null : first.ref().stepName())
          .bind("parentRunId", run.parentRunId())
          .bind("parentJobId", run.parentJobId())
          .bind("input", run.input())
          .bind("error", run.error())
          .bind("deadline", Columns.millisOrNull(run.deadline()))
          .bind("now", now)
          .bind("completedAt", run.status() == RunStatus.RUNNING ? null : now)
          .add();
      if (first != null) {
        addStep(jobs, steps, first, s.eventId(), s.createdAt());
      }
    }
    definitions.execute();
    rows.execute();
    if (jobs.size() > 0) {
      jobs.execute();
      steps.execute();
    }
  }

  static void addStep(
      PreparedBatch jobs, PreparedBatch steps, NewStep step, String eventId, Instant now) {
    EventWriter.bindJob(jobs, step.job(), eventId, now).add();
    steps
        .bind("jobId", step.job().id())
        .bind("runId", step.ref().runId())
        .bind("activation", step.activation())
        .bind("input", step.input())
        .add();
  }

  private static void insertSteps(Handle h, List<NewStep> next, String eventId, Instant now) {
    if (next.isEmpty()) {
      return;
    }
    PreparedBatch jobs = EventWriter.jobBatch(h);
    PreparedBatch steps = h.prepareBatch(INSERT_STEP);
    next.forEach(s -> addStep(jobs, steps, s, eventId, now));
    jobs.execute();
    steps.execute();
  }

  private Optional<TransitionWriter.LockedRun> lock(Handle h, String runId) {
    return Optional.ofNullable(TransitionWriter.lock(h, dialect, List.of(runId)).get(runId));
  }

  public boolean endRun(
      Handle h, String runId, RunStatus status, @Nullable String error, Instant now) {
    Optional<TransitionWriter.LockedRun> run = lock(h, runId);
    if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
      return false;
    }
    TransitionWriter.end(
        h,
        dialect,
        List.of(
            new TransitionWriter.Ending(
                run.get(), new RunAdvance.RunEnd(status, null, error), now)));
    return true;
  }

  public boolean redrive(
      Handle h, String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    Optional<TransitionWriter.LockedRun> run = lock(h, runId);
    if (run.isEmpty() || run.get().status() != RunStatus.FAILED) {
      return false;
    }
    h.createUpdate(
            "UPDATE workflow_runs SET status = 'running', error = NULL, output = NULL,"
                + " completed_at = NULL, deadline = :deadline, current_step = :step,"
                + " updated_at = :now WHERE id = :id")
        .bind("deadline", Columns.millisOrNull(deadline))
        .bind("step", step.ref().stepName())
        .bind("now", Columns.millis(now))
        .bind("id", runId)
        .execute();
    insertSteps(h, List.of(step), run.get().eventId(), now);
    return true;
  }

  public void createToken(Handle h, String token, String runId, String jobId, Instant now) {
    h.createUpdate(
            "UPDATE callback_tokens SET status = 'invalidated'"
                + " WHERE job_id = :job AND status = 'pending'")
        .bind("job", jobId)
        .execute();
    h.createUpdate("UPDATE workflow_steps SET resume = NULL WHERE job_id = :job")
        .bind("job", jobId)
        .execute();
    h.createUpdate(
            "INSERT INTO callback_tokens (token, run_id, job_id, status, created_at)"
                + " VALUES (:token, :run, :job, 'pending', :now)")
        .bind("token", token)
        .bind("run", runId)
        .bind("job", jobId)
        .bind("now", Columns.millis(now))
        .execute();
  }

  public boolean completeCallback(Handle h, String token, String resume, Instant now) {
    record Pending(String runId, String jobId) {}
    Optional<Pending> pending =
        h.createQuery(
                "SELECT run_id, job_id FROM callback_tokens WHERE token = :token"
                    + " AND status = 'pending' AND (expires_at IS NULL OR expires_at > :now)")
            .bind("token", token)
            .bind("now", Columns.millis(now))
            .map((rs, ctx) -> new Pending(rs.getString("run_id"), rs.getString("job_id")))
            .findOne();
    if (pending.isEmpty()) {
      return false;
    }
    Optional<TransitionWriter.LockedRun> run = lock(h, pending.get().runId());
    if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
      return false;
    }
    int used =
        h.createUpdate(
                "UPDATE callback_tokens SET status = 'used'"
                    + " WHERE token = :token AND status = 'pending'")
            .bind("token", token)
            .execute();
    if (used == 0) {
      return false;
    }
    StepWakes.wake(h, List.of(new StepWakes.Wake(pending.get().jobId(), resume, now)));
    return true;
  }

  public int expireTokens(Handle h, Instant now, String resume) {
    List<String> expired =
        h.createQuery(
                "SELECT token FROM callback_tokens WHERE status = 'pending'"
                    + " AND expires_at IS NOT NULL AND expires_at <= :now LIMIT 1000")
            .bind("now", Columns.millis(now))
            .mapTo(String.class)
            .list();
    int n = 0;
    for (String token : expired) {
      String jobId =
          h.createQuery("SELECT job_id FROM callback_tokens WHERE token = :token")
              .bind("token", token)
              .mapTo(String.class)
              .one();
      int changed =
          h.createUpdate(
                  "UPDATE callback_tokens SET status = 'expired'"
                      + " WHERE token = :token AND status = 'pending'")
              .bind("token", token)
              .execute();
      if (changed > 0) {
        StepWakes.wake(h, List.of(new StepWakes.Wake(jobId, resume, now)));
        n++;
      }
    }
    return n;
  }
}
