package dev.qhook.jdbc.internal;

import dev.qhook.spi.Completion;
import dev.qhook.spi.JobStatus;
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
 * Writes workflow runs: their start (with the event, or as a child run), each transition ({@link
 * RunAdvance}), their end, redrive and callback tokens. The caller runs each call in one
 * transaction. Every transition of a run first locks the run's row ({@code FOR UPDATE} on
 * PostgreSQL and MySQL; SQLite has one writer), so that transitions of one run (two branches
 * finishing, a callback racing its notification, a cancel) take turns and each sees the others'
 * writes.
 */
public final class RunWriter {
  /** What a join writes into the step record of the step job it wakes. */
  static final String RESUME_JOINED = "{\"joined\":true}";

  private static final String OPEN = Columns.OPEN_STATUSES;
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

  private static final String INSERT_STEP =
      "INSERT INTO workflow_steps (job_id, run_id, activation, input)"
          + " VALUES (:jobId, :runId, :activation, :input)";

  private final Dialect dialect;
  private final JobCompleter completer;

  public RunWriter(Dialect dialect, JobCompleter completer) {
    this.dialect = dialect;
    this.completer = completer;
  }

  /** A run to insert, with the event it belongs to and its creation time. */
  record Started(NewRun run, String eventId, Instant createdAt) {}

  /** The locked run row: what a transition needs to know of it. */
  private record Locked(
      RunStatus status,
      String eventId,
      @Nullable String parentRunId,
      @Nullable String parentJobId) {}

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

  private static void addStep(
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

  private Optional<Locked> lock(Handle h, String runId) {
    String forUpdate = dialect == Dialect.SQLITE ? "" : " FOR UPDATE";
    return h.createQuery(
            "SELECT status, event_id, parent_run_id, parent_job_id FROM workflow_runs"
                + " WHERE id = :id"
                + forUpdate)
        .bind("id", runId)
        .map(
            (rs, ctx) ->
                new Locked(
                    RunStatus.fromLabel(rs.getString("status")),
                    rs.getString("event_id"),
                    rs.getString("parent_run_id"),
                    rs.getString("parent_job_id")))
        .findOne();
  }

  public boolean advance(Handle h, RunAdvance a) {
    Completion c = a.completion();
    Optional<Locked> locked = lock(h, a.runId());
    if (locked.isEmpty()) {
      return false;
    }
    if (locked.get().status() != RunStatus.RUNNING) {
      cancelJobs(h, "id = :id", c.jobId(), a.now());
      return false;
    }
    if (JobCompleter.apply(h, dialect, List.of(outcome(h, a))).isEmpty()) {
      return false;
    }
    String jobId = c.jobId();
    if (c instanceof Completion.Succeeded done && done.record().error() != null) {
      // A failure that a catch or on_failure: continue handled: the job completes, error kept.
      h.createUpdate("UPDATE jobs SET last_error = :error WHERE id = :id")
          .bind("error", done.record().error())
          .bind("id", jobId)
          .execute();
    }
    if (c instanceof Completion.Retry) {
      h.createUpdate("UPDATE workflow_steps SET resume = NULL WHERE job_id = :id")
          .bind("id", jobId)
          .execute();
    }
    if (a.waitToken() != null) {
      h.createUpdate(
              "UPDATE callback_tokens SET expires_at = :until"
                  + " WHERE token = :token AND status = 'pending'")
          .bind("until", Columns.millisOrNull(a.waitUntil()))
          .bind("token", a.waitToken())
          .execute();
    }
    if (a.stepOutput() != null || a.stepError() != null) {
      h.createUpdate(
              "UPDATE workflow_steps SET output = COALESCE(:output, output),"
                  + " error = COALESCE(:error, error) WHERE job_id = :id")
          .bind("output", a.stepOutput())
          .bind("error", a.stepError())
          .bind("id", jobId)
          .execute();
    }
    if (a.cancelActivation()) {
      cancelJobs(
          h,
          "id IN (SELECT job_id FROM workflow_steps WHERE activation ="
              + " (SELECT activation FROM workflow_steps WHERE job_id = :id)) AND id <> :id",
          jobId,
          a.now());
    }
    String eventId = locked.get().eventId();
    insertSteps(h, a.next(), eventId, a.now());
    if (a.childRun() != null) {
      insertRuns(h, dialect, List.of(new Started(a.childRun(), eventId, a.now())));
    }
    RunAdvance.Join join = a.join();
    if (join != null && completedBranches(h, join.activation()) >= join.total()) {
      wake(h, join.stepJobId(), RESUME_JOINED, a.now());
    }
    h.createUpdate(
            "UPDATE workflow_runs SET current_step = COALESCE(:step, current_step),"
                + " updated_at = :now WHERE id = :id")
        .bind("step", a.currentStep())
        .bind("now", Columns.millis(a.now()))
        .bind("id", a.runId())
        .execute();
    RunAdvance.RunEnd end = a.end();
    if (end != null) {
      end(h, a.runId(), locked.get(), end, a.now());
    }
    return true;
  }

  /** The job's new state; a waiting job that something already woke is due at once instead. */
  private JobOutcome outcome(Handle h, RunAdvance a) {
    JobOutcome plain = completer.outcome(a.completion());
    if (!a.waits() || plain.status() != JobStatus.COMPLETED) {
      return plain;
    }
    boolean woken =
        h.createQuery("SELECT resume FROM workflow_steps WHERE job_id = :id")
            .bind("id", plain.jobId())
            .mapTo(String.class)
            .findOne()
            .isPresent();
    return woken
        ? new JobOutcome(
            plain.jobId(),
            plain.attempt(),
            JobStatus.AVAILABLE,
            1,
            Columns.millis(a.now()),
            null,
            null,
            plain.record())
        : new JobOutcome(
            plain.jobId(), plain.attempt(), JobStatus.WAITING, 0, null, null, null, plain.record());
  }

  private static long completedBranches(Handle h, String activation) {
    return h.createQuery(
            "SELECT COUNT(*) FROM jobs j JOIN workflow_steps s ON s.job_id = j.id"
                + " WHERE s.activation = :a AND j.branch IS NOT NULL AND j.status = 'completed'")
        .bind("a", activation)
        .mapTo(Long.class)
        .one();
  }

  private static void cancelJobs(Handle h, String which, String id, Instant now) {
    h.createUpdate(
            "UPDATE jobs SET status = 'cancelled', completed_at = :now, lease_until = NULL"
                + " WHERE status IN "
                + OPEN
                + " AND "
                + which)
        .bind("now", Columns.millis(now))
        .bind("id", id)
        .execute();
  }

  /** Records what woke a step job and makes it due now if it waits (the wait is no attempt). */
  private static void wake(Handle h, String jobId, String resume, Instant now) {
    h.createUpdate("UPDATE workflow_steps SET resume = :resume WHERE job_id = :id")
        .bind("resume", resume)
        .bind("id", jobId)
        .execute();
    h.createUpdate(
            "UPDATE jobs SET status = 'available', scheduled_at = :now,"
                + " attempt = CASE WHEN attempt > 0 THEN attempt - 1 ELSE 0 END"
                + " WHERE id = :id AND status = 'waiting'")
        .bind("now", Columns.millis(now))
        .bind("id", jobId)
        .execute();
  }

  private void end(Handle h, String runId, Locked run, RunAdvance.RunEnd end, Instant now) {
    h.createUpdate(
            "UPDATE workflow_runs SET status = :status, output = :output, error = :error,"
                + " completed_at = :now, updated_at = :now WHERE id = :id")
        .bind("status", end.status().label())
        .bind("output", end.output())
        .bind("error", end.error())
        .bind("now", Columns.millis(now))
        .bind("id", runId)
        .execute();
    cancelJobs(h, "workflow_run_id = :id", runId, now);
    h.createUpdate(
            "UPDATE callback_tokens SET status = 'invalidated'"
                + " WHERE run_id = :id AND status = 'pending'")
        .bind("id", runId)
        .execute();
    String parentRunId = run.parentRunId();
    String parentJobId = run.parentJobId();
    if (parentRunId != null && parentJobId != null) {
      Optional<Locked> parent = lock(h, parentRunId);
      if (parent.isPresent() && parent.get().status() == RunStatus.RUNNING) {
        wake(h, parentJobId, end.parentResume(), now);
      }
    }
  }

  public boolean endRun(
      Handle h, String runId, RunStatus status, @Nullable String error, Instant now) {
    Optional<Locked> run = lock(h, runId);
    if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
      return false;
    }
    end(h, runId, run.get(), new RunAdvance.RunEnd(status, null, error), now);
    return true;
  }

  public boolean redrive(
      Handle h, String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    Optional<Locked> run = lock(h, runId);
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
    Optional<Locked> run = lock(h, pending.get().runId());
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
    wake(h, pending.get().jobId(), resume, now);
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
        wake(h, jobId, resume, now);
        n++;
      }
    }
    return n;
  }
}
