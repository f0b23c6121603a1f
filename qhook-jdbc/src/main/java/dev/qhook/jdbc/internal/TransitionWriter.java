package dev.qhook.jdbc.internal;

import dev.qhook.spi.Completion;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Stores workflow transitions ({@link RunAdvance}) in the caller's transaction, many at a time, as
 * if each were stored alone one after the other, in a fixed number of statements per round rather
 * than per transition. A round holds at most one transition per run (the k-th transition of each
 * run in the list goes to round k), so the transitions of a round touch different runs and each
 * statement can carry all of them: lock the runs' rows, one fenced update of the jobs (with {@link
 * JobCompleter}), then one JDBC batch per kind of change (step results, new step jobs, joins, the
 * runs' current step, their ends). Later rounds see what earlier ones wrote.
 *
 * <p>Every transition first locks its run's row ({@code FOR UPDATE} on PostgreSQL and MySQL, in run
 * id order; SQLite has one writer), so that transitions of one run (two branches finishing, a
 * callback racing its notification, a cancel) take turns and each sees the others' writes.
 */
public final class TransitionWriter {
  private static final String OPEN = Columns.OPEN_STATUSES;
  private static final String CANCEL =
      "UPDATE jobs SET status = 'cancelled', completed_at = :now, lease_until = NULL"
          + " WHERE status IN "
          + OPEN;
  private static final String CANCEL_JOB = CANCEL + " AND id = :id";
  private static final String CANCEL_ACTIVATION =
      CANCEL
          + " AND id IN (SELECT job_id FROM workflow_steps WHERE activation ="
          + " (SELECT activation FROM workflow_steps WHERE job_id = :id)) AND id <> :id";
  private static final String CANCEL_RUN_JOBS = CANCEL + " AND workflow_run_id = :id";
  private static final String KEEP_ERROR = "UPDATE jobs SET last_error = :error WHERE id = :id";
  private static final String CLEAR_RESUME =
      "UPDATE workflow_steps SET resume = NULL WHERE job_id = :id";
  private static final String TOKEN_EXPIRY =
      "UPDATE callback_tokens SET expires_at = :until"
          + " WHERE token = :token AND status = 'pending'";
  private static final String STEP_RESULT =
      "UPDATE workflow_steps SET output = COALESCE(:output, output),"
          + " error = COALESCE(:error, error) WHERE job_id = :id";
  private static final String RUN_STEP =
      "UPDATE workflow_runs SET current_step = COALESCE(:step, current_step),"
          + " updated_at = :now WHERE id = :id";
  private static final String RUN_END =
      "UPDATE workflow_runs SET status = :status, output = :output, error = :error,"
          + " completed_at = :now, updated_at = :now WHERE id = :id";
  private static final String INVALIDATE_TOKENS =
      "UPDATE callback_tokens SET status = 'invalidated'"
          + " WHERE run_id = :id AND status = 'pending'";

  /** What a join writes into the step record of the step job it wakes. */
  static final String RESUME_JOINED = "{\"joined\":true}";

  /** A locked run row: what a transition needs to know of it. */
  record LockedRun(
      String id,
      RunStatus status,
      String eventId,
      @Nullable String parentRunId,
      @Nullable String parentJobId) {}

  /** A run that ends now, with the row locked for it. */
  record Ending(LockedRun run, RunAdvance.RunEnd end, Instant now) {}

  private final Dialect dialect;
  private final JobCompleter completer;

  public TransitionWriter(Dialect dialect, JobCompleter completer) {
    this.dialect = dialect;
    this.completer = completer;
  }

  /**
   * Stores {@code advances} as {@link dev.qhook.spi.RunStore#advanceRun} would one after the other;
   * returns for each whether it applied.
   */
  public List<Boolean> advance(Handle h, List<RunAdvance> advances) {
    Boolean[] applied = new Boolean[advances.size()];
    for (List<Integer> round : rounds(advances)) {
      applyRound(h, advances, round, applied);
    }
    List<Boolean> results = new ArrayList<>(applied.length);
    for (Boolean b : applied) {
      results.add(Boolean.TRUE.equals(b));
    }
    return results;
  }

  /** Positions of {@code advances} by round: the k-th transition of each run is in round k. */
  static List<List<Integer>> rounds(List<RunAdvance> advances) {
    Map<String, Integer> perRun = new HashMap<>();
    List<List<Integer>> rounds = new ArrayList<>();
    for (int i = 0; i < advances.size(); i++) {
      int k = perRun.merge(advances.get(i).runId(), 1, Integer::sum) - 1;
      while (rounds.size() <= k) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(k).add(i);
    }
    return rounds;
  }

  private void applyRound(Handle h, List<RunAdvance> all, List<Integer> round, Boolean[] applied) {
    Set<String> runIds = new HashSet<>();
    round.forEach(i -> runIds.add(all.get(i).runId()));
    Map<String, LockedRun> runs = lock(h, dialect, runIds);
    List<Integer> live = new ArrayList<>();
    PreparedBatch cancel = h.prepareBatch(CANCEL_JOB);
    for (int i : round) {
      RunAdvance a = all.get(i);
      LockedRun run = runs.get(a.runId());
      if (run != null && run.status() == RunStatus.RUNNING) {
        live.add(i);
      } else if (run != null) { // a result for a run that ended: its job is cancelled
        cancel.bind("now", Columns.millis(a.now())).bind("id", a.completion().jobId()).add();
      }
    }
    execute(cancel);
    if (live.isEmpty()) {
      return;
    }
    Set<String> woken = wokenWhileRunning(h, all, live);
    List<JobOutcome> outcomes = new ArrayList<>(live.size());
    for (int i : live) {
      outcomes.add(outcome(all.get(i), woken));
    }
    Set<String> fenced = new HashSet<>();
    JobCompleter.apply(h, dialect, outcomes).forEach(o -> fenced.add(o.jobId()));
    List<RunAdvance> stored = new ArrayList<>(live.size());
    for (int i : live) {
      if (fenced.contains(all.get(i).completion().jobId())) {
        applied[i] = true;
        stored.add(all.get(i));
      }
    }
    if (!stored.isEmpty()) {
      writeEffects(h, stored, runs);
    }
  }

  /** The jobs among those about to wait that something already woke (a callback came first). */
  private static Set<String> wokenWhileRunning(Handle h, List<RunAdvance> all, List<Integer> live) {
    List<String> waiting = new ArrayList<>();
    for (int i : live) {
      RunAdvance a = all.get(i);
      if (a.waits() && a.completion() instanceof Completion.Succeeded) {
        waiting.add(a.completion().jobId());
      }
    }
    if (waiting.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        h.createQuery(
                "SELECT job_id FROM workflow_steps WHERE job_id IN (<ids>) AND resume IS NOT NULL")
            .bindList("ids", waiting)
            .mapTo(String.class)
            .list());
  }

  /** The job's new state; a waiting job that something already woke is due at once instead. */
  private JobOutcome outcome(RunAdvance a, Set<String> woken) {
    JobOutcome plain = completer.outcome(a.completion());
    if (!a.waits() || plain.status() != JobStatus.COMPLETED) {
      return plain;
    }
    return woken.contains(plain.jobId())
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

  /** Everything after the jobs' outcomes, for transitions of different runs, in one batch each. */
  private void writeEffects(Handle h, List<RunAdvance> stored, Map<String, LockedRun> runs) {
    PreparedBatch keepError = h.prepareBatch(KEEP_ERROR);
    PreparedBatch clearResume = h.prepareBatch(CLEAR_RESUME);
    PreparedBatch tokens = h.prepareBatch(TOKEN_EXPIRY);
    PreparedBatch results = h.prepareBatch(STEP_RESULT);
    PreparedBatch cancelActivations = h.prepareBatch(CANCEL_ACTIVATION);
    PreparedBatch runSteps = h.prepareBatch(RUN_STEP);
    List<RunWriter.Started> children = new ArrayList<>();
    List<RunAdvance.Join> joins = new ArrayList<>();
    List<Instant> joinTimes = new ArrayList<>();
    List<Ending> endings = new ArrayList<>();
    PreparedBatch jobs = EventWriter.jobBatch(h);
    PreparedBatch steps = h.prepareBatch(RunWriter.INSERT_STEP);
    for (RunAdvance a : stored) {
      Completion c = a.completion();
      String jobId = c.jobId();
      LockedRun run = runs.get(a.runId());
      if (c instanceof Completion.Succeeded done && done.record().error() != null) {
        // A failure that a catch or on_failure: continue handled: the job completes, error kept.
        keepError.bind("error", done.record().error()).bind("id", jobId).add();
      }
      if (c instanceof Completion.Retry) {
        clearResume.bind("id", jobId).add();
      }
      if (a.waitToken() != null) {
        tokens
            .bind("until", Columns.millisOrNull(a.waitUntil()))
            .bind("token", a.waitToken())
            .add();
      }
      if (a.stepOutput() != null || a.stepError() != null) {
        results.bind("output", a.stepOutput()).bind("error", a.stepError()).bind("id", jobId).add();
      }
      if (a.cancelActivation()) {
        cancelActivations.bind("now", Columns.millis(a.now())).bind("id", jobId).add();
      }
      for (NewStep s : a.next()) {
        RunWriter.addStep(jobs, steps, s, run.eventId(), a.now());
      }
      if (a.childRun() != null) {
        children.add(new RunWriter.Started(a.childRun(), run.eventId(), a.now()));
      }
      if (a.join() != null) {
        joins.add(a.join());
        joinTimes.add(a.now());
      }
      runSteps
          .bind("step", a.currentStep())
          .bind("now", Columns.millis(a.now()))
          .bind("id", a.runId())
          .add();
      if (a.end() != null) {
        endings.add(new Ending(run, a.end(), a.now()));
      }
    }
    execute(keepError);
    execute(clearResume);
    execute(tokens);
    execute(results);
    execute(cancelActivations);
    execute(jobs);
    execute(steps);
    if (!children.isEmpty()) {
      RunWriter.insertRuns(h, dialect, children);
    }
    join(h, joins, joinTimes);
    execute(runSteps);
    end(h, dialect, endings);
  }

  /** Wakes the waiting step job of each join whose branch jobs have all completed. */
  private static void join(Handle h, List<RunAdvance.Join> joins, List<Instant> times) {
    if (joins.isEmpty()) {
      return;
    }
    Map<String, Long> completed = new HashMap<>();
    h.createQuery(
            "SELECT s.activation AS activation, COUNT(*) AS n FROM jobs j"
                + " JOIN workflow_steps s ON s.job_id = j.id WHERE s.activation IN (<activations>)"
                + " AND j.branch IS NOT NULL AND j.status = 'completed' GROUP BY s.activation")
        .bindList(
            "activations", joins.stream().map(RunAdvance.Join::activation).distinct().toList())
        .map((rs, ctx) -> Map.entry(rs.getString("activation"), rs.getLong("n")))
        .forEach(e -> completed.put(e.getKey(), e.getValue()));
    List<StepWakes.Wake> wakes = new ArrayList<>();
    for (int i = 0; i < joins.size(); i++) {
      RunAdvance.Join join = joins.get(i);
      if (completed.getOrDefault(join.activation(), 0L) >= join.total()) {
        wakes.add(
            new StepWakes.Wake(join.stepJobId(), RESUME_JOINED, times.get(i), join.leaseUntil()));
      }
    }
    StepWakes.wake(h, wakes);
  }

  /**
   * Locks the rows of {@code ids} in id order ({@code FOR UPDATE} where rows lock) and returns
   * those found, by id.
   */
  static Map<String, LockedRun> lock(Handle h, Dialect dialect, Collection<String> ids) {
    String forUpdate = dialect == Dialect.SQLITE ? "" : " FOR UPDATE";
    Map<String, LockedRun> locked = new HashMap<>();
    h.createQuery(
            "SELECT id, status, event_id, parent_run_id, parent_job_id FROM workflow_runs"
                + " WHERE id IN (<ids>) ORDER BY id"
                + forUpdate)
        .bindList("ids", List.copyOf(new TreeSet<>(ids)))
        .map(
            (rs, ctx) ->
                new LockedRun(
                    rs.getString("id"),
                    RunStatus.fromLabel(rs.getString("status")),
                    rs.getString("event_id"),
                    rs.getString("parent_run_id"),
                    rs.getString("parent_job_id")))
        .forEach(r -> locked.put(r.id(), r));
    return locked;
  }

  /**
   * Ends runs: their status, output and error; their open jobs cancelled, their pending tokens
   * invalidated, and the waiting step job of a running parent woken with the outcome.
   */
  static void end(Handle h, Dialect dialect, List<Ending> endings) {
    if (endings.isEmpty()) {
      return;
    }
    PreparedBatch rows = h.prepareBatch(RUN_END);
    PreparedBatch jobs = h.prepareBatch(CANCEL_RUN_JOBS);
    PreparedBatch tokens = h.prepareBatch(INVALIDATE_TOKENS);
    Set<String> parents = new HashSet<>();
    for (Ending e : endings) {
      long now = Columns.millis(e.now());
      String id = e.run().id();
      rows.bind("status", e.end().status().label())
          .bind("output", e.end().output())
          .bind("error", e.end().error())
          .bind("now", now)
          .bind("id", id)
          .add();
      jobs.bind("now", now).bind("id", id).add();
      tokens.bind("id", id).add();
      if (e.run().parentRunId() != null && e.run().parentJobId() != null) {
        parents.add(e.run().parentRunId());
      }
    }
    rows.execute();
    jobs.execute();
    tokens.execute();
    if (parents.isEmpty()) {
      return;
    }
    Map<String, LockedRun> locked = lock(h, dialect, parents);
    List<StepWakes.Wake> wakes = new ArrayList<>();
    for (Ending e : endings) {
      LockedRun parent = e.run().parentRunId() == null ? null : locked.get(e.run().parentRunId());
      String parentJobId = e.run().parentJobId();
      if (parent != null && parentJobId != null && parent.status() == RunStatus.RUNNING) {
        wakes.add(new StepWakes.Wake(parentJobId, e.end().parentResume(), e.now()));
      }
    }
    StepWakes.wake(h, wakes);
  }

  private static void execute(PreparedBatch batch) {
    if (batch.size() > 0) {
      batch.execute();
    }
  }
}
