package dev.qhook.memory;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.Page;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepState;
import dev.qhook.spi.WorkflowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Workflow runs, step records, pinned definitions and callback tokens of {@link InMemoryStore},
 * over its job rows. Not thread-safe: the store serialises every call.
 */
final class InMemoryRuns {
  private final TreeMap<String, JobRow> jobs;
  private final BiConsumer<String, AttemptRecord> attempts;
  private final TreeMap<String, RunRow> runs = new TreeMap<>();
  private final Map<String, StepRow> steps = new HashMap<>();
  private final Map<String, String> definitions = new HashMap<>();
  private final Map<String, TokenRow> tokens = new HashMap<>();

  InMemoryRuns(TreeMap<String, JobRow> jobs, BiConsumer<String, AttemptRecord> attempts) {
    this.jobs = jobs;
    this.attempts = attempts;
  }

  /** A run's mutable state. */
  private static final class RunRow {
    final String id;
    final String workflow;
    final String eventId;
    final String definitionHash;
    final @Nullable String parentRunId;
    final @Nullable String parentJobId;
    final String input;
    final Instant createdAt;
    RunStatus status;
    @Nullable String currentStep;
    @Nullable String output;
    @Nullable String error;
    @Nullable Instant deadline;
    @Nullable Instant completedAt;

    RunRow(NewRun run, String eventId, Instant createdAt) {
      this.id = run.id();
      this.workflow = run.workflow();
      this.eventId = eventId;
      this.definitionHash = run.definition().hash();
      this.parentRunId = run.parentRunId();
      this.parentJobId = run.parentJobId();
      this.input = run.input();
      this.createdAt = createdAt;
      this.status = run.status();
      this.error = run.error();
      this.deadline = run.deadline();
      this.completedAt = run.status() == RunStatus.RUNNING ? null : createdAt;
    }

    WorkflowRun snapshot() {
      return new WorkflowRun(
          id,
          workflow,
          eventId,
          status,
          definitionHash,
          currentStep,
          parentRunId,
          parentJobId,
          input,
          output,
          error,
          deadline,
          createdAt,
          completedAt);
    }
  }

  /** A step record's mutable part. */
  private static final class StepRow {
    final String input;
    final String activation;
    @Nullable String output;
    @Nullable String error;
    @Nullable String resume;

    StepRow(String input, String activation) {
      this.input = input;
      this.activation = activation;
    }
  }

  private static final class TokenRow {
    final String runId;
    final String jobId;
    String status = "pending";
    @Nullable Instant expiresAt;

    TokenRow(String runId, String jobId) {
      this.runId = runId;
      this.jobId = jobId;
    }
  }

  /** Stores the runs an event starts, with their first step jobs. */
  void start(String eventId, Instant createdAt, List<NewRun> newRuns) {
    for (NewRun run : newRuns) {
      definitions.putIfAbsent(run.definition().hash(), run.definition().json());
      RunRow row = new RunRow(run, eventId, createdAt);
      runs.put(run.id(), row);
      if (run.firstStep() != null) {
        addStep(row, run.firstStep(), createdAt);
      }
    }
  }

  private void addStep(RunRow run, NewStep step, Instant now) {
    jobs.put(step.job().id(), new JobRow(run.eventId, now, step.job()));
    steps.put(step.job().id(), new StepRow(step.input(), step.activation()));
    run.currentStep = step.ref().stepName();
  }

  boolean advance(RunAdvance a) {
    RunRow run = runs.get(a.runId());
    Completion c = a.completion();
    JobRow job = jobs.get(c.jobId());
    StepRow step = steps.get(c.jobId());
    if (run == null || job == null || step == null) {
      return false;
    }
    if (run.status != RunStatus.RUNNING) {
      if (job.status.isOpen()) {
        job.finish(JobStatus.CANCELLED, a.now(), job.lastError);
      }
      return false;
    }
    if (job.status != JobStatus.RUNNING || job.attempt != c.attempt()) {
      return false;
    }
    applyCompletion(job, step, c, a);
    if (a.waitToken() != null) {
      TokenRow token = tokens.get(a.waitToken());
      if (token != null) {
        token.expiresAt = a.waitUntil();
      }
    }
    if (a.stepOutput() != null) {
      step.output = a.stepOutput();
    }
    if (a.stepError() != null) {
      step.error = a.stepError();
    }
    if (a.cancelActivation()) {
      cancelOpen(j -> j != job && step.activation.equals(activationOf(j)), a.now());
    }
    a.next().forEach(s -> addStep(run, s, a.now()));
    if (a.childRun() != null) {
      start(run.eventId, a.now(), List.of(a.childRun()));
      run.currentStep = job.step == null ? run.currentStep : job.step.stepName();
    }
    RunAdvance.Join join = a.join();
    if (join != null && completedBranches(join.activation()) >= join.total()) {
      wake(join.stepJobId(), RESUME_JOINED, a.now());
      JobRow woken = jobs.get(join.stepJobId());
      if (join.leaseUntil() != null && woken != null && woken.status == JobStatus.AVAILABLE) {
        woken.lease(a.now(), join.leaseUntil()); // a transition of it follows in this call
      }
    }
    if (a.currentStep() != null) {
      run.currentStep = a.currentStep();
    }
    RunAdvance.RunEnd end = a.end();
    if (end != null) {
      end(run, end.status(), end.output(), end.error(), a.now());
    }
    return true;
  }

  /** What a join writes into the step record of the step job it wakes. */
  static final String RESUME_JOINED = "{\"joined\":true}";

  private void applyCompletion(JobRow job, StepRow step, Completion c, RunAdvance a) {
    if (c instanceof Completion.Succeeded s) {
      attempts.accept(job.id, s.record());
      if (!a.waits()) {
        // A failure that a catch or on_failure: continue handled keeps its error.
        job.finish(JobStatus.COMPLETED, end(s.record()), s.record().error());
      } else if (step.resume != null) {
        job.wake(a.now()); // woken before it began to wait
      } else {
        job.status = JobStatus.WAITING;
        job.leaseUntil = null;
      }
    } else if (c instanceof Completion.Retry r) {
      attempts.accept(job.id, r.record());
      job.reschedule(r.runAt(), r.lastError());
      step.resume = null;
    } else if (c instanceof Completion.Dead d) {
      if (d.record() != null) {
        attempts.accept(job.id, d.record());
      }
      job.finish(JobStatus.DEAD, d.record() == null ? a.now() : end(d.record()), d.lastError());
    } else if (c instanceof Completion.Released r) {
      job.attempt--;
      job.reschedule(r.runAt(), r.lastError());
    }
  }

  private static Instant end(AttemptRecord record) {
    return record.createdAt().plusMillis(record.durationMs());
  }

  private @Nullable String activationOf(JobRow job) {
    StepRow row = steps.get(job.id);
    return row == null ? null : row.activation;
  }

  private long completedBranches(String activation) {
    return jobs.values().stream()
        .filter(
            j ->
                j.step != null
                    && j.step.branch() != null
                    && j.status == JobStatus.COMPLETED
                    && activation.equals(activationOf(j)))
        .count();
  }

  private void cancelOpen(java.util.function.Predicate<JobRow> which, Instant now) {
    for (JobRow j : jobs.values()) {
      if (j.status.isOpen() && which.test(j)) {
        j.finish(JobStatus.CANCELLED, now, j.lastError);
      }
    }
  }

  /** Records what woke a step job and makes it due now if it waits. */
  private void wake(String jobId, String resume, Instant now) {
    StepRow step = steps.get(jobId);
    JobRow job = jobs.get(jobId);
    if (step == null || job == null) {
      return;
    }
    step.resume = resume;
    if (job.status == JobStatus.WAITING) {
      job.wake(now);
    }
  }

  private void end(
      RunRow run, RunStatus status, @Nullable String output, @Nullable String error, Instant now) {
    run.status = status;
    run.output = output;
    run.error = error;
    run.completedAt = now;
    cancelOpen(j -> j.step != null && j.step.runId().equals(run.id), now);
    tokens.values().stream()
        .filter(t -> t.runId.equals(run.id) && t.status.equals("pending"))
        .forEach(t -> t.status = "invalidated");
    if (run.parentJobId != null && run.parentRunId != null) {
      RunRow parent = runs.get(run.parentRunId);
      if (parent != null && parent.status == RunStatus.RUNNING) {
        wake(run.parentJobId, new RunAdvance.RunEnd(status, output, error).parentResume(), now);
      }
    }
  }

  boolean endRun(String runId, RunStatus status, @Nullable String error, Instant now) {
    RunRow run = runs.get(runId);
    if (run == null || run.status != RunStatus.RUNNING) {
      return false;
    }
    end(run, status, null, error, now);
    return true;
  }

  boolean redrive(String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    RunRow run = runs.get(runId);
    if (run == null || run.status != RunStatus.FAILED) {
      return false;
    }
    run.status = RunStatus.RUNNING;
    run.error = null;
    run.output = null;
    run.completedAt = null;
    run.deadline = deadline;
    addStep(run, step, now);
    return true;
  }

  void createToken(String token, String runId, String jobId, Instant now) {
    tokens.values().stream()
        .filter(t -> t.jobId.equals(jobId) && t.status.equals("pending"))
        .forEach(t -> t.status = "invalidated");
    StepRow step = steps.get(jobId);
    if (step != null) {
      step.resume = null;
    }
    tokens.put(token, new TokenRow(runId, jobId));
  }

  boolean completeCallback(String token, String resume, Instant now) {
    TokenRow t = tokens.get(token);
    if (t == null
        || !t.status.equals("pending")
        || (t.expiresAt != null && !t.expiresAt.isAfter(now))) {
      return false;
    }
    RunRow run = runs.get(t.runId);
    if (run == null || run.status != RunStatus.RUNNING) {
      return false;
    }
    t.status = "used";
    wake(t.jobId, resume, now);
    return true;
  }

  int expireTokens(Instant now, String resume) {
    int n = 0;
    for (TokenRow t : tokens.values()) {
      if (t.status.equals("pending") && t.expiresAt != null && !t.expiresAt.isAfter(now)) {
        t.status = "expired";
        wake(t.jobId, resume, now);
        n++;
      }
    }
    return n;
  }

  Optional<WorkflowRun> run(String id) {
    return Optional.ofNullable(runs.get(id)).map(RunRow::snapshot);
  }

  Page<WorkflowRun> runs(RunQuery q) {
    return Paging.page(
        runs,
        q.after(),
        q.descending(),
        q.limit(),
        r ->
            (q.workflow() == null || q.workflow().equals(r.workflow))
                && (q.status() == null || q.status() == r.status)
                && (q.eventId() == null || q.eventId().equals(r.eventId))
                && (q.parentRunId() == null || q.parentRunId().equals(r.parentRunId))
                && Paging.inRange(r.createdAt, q.since(), q.until()),
        RunRow::snapshot);
  }

  List<RunStep> steps(String runId) {
    List<RunStep> out = new ArrayList<>();
    for (JobRow j : jobs.values()) {
      if (j.step != null && j.step.runId().equals(runId)) {
        out.add(view(j));
      }
    }
    return out;
  }

  private RunStep view(JobRow j) {
    StepRow s = steps.get(j.id);
    return new RunStep(j.snapshot(), s.input, s.output, s.error, s.activation, s.resume);
  }

  Optional<StepState> stepState(String jobId) {
    JobRow job = jobs.get(jobId);
    if (job == null || job.step == null || !steps.containsKey(jobId)) {
      return Optional.empty();
    }
    RunRow run = runs.get(job.step.runId());
    return run == null ? Optional.empty() : Optional.of(new StepState(run.snapshot(), view(job)));
  }

  Optional<String> definition(String hash) {
    return Optional.ofNullable(definitions.get(hash));
  }

  List<WorkflowRun> overdue(Instant now, int limit) {
    return runs.values().stream()
        .filter(
            r -> r.status == RunStatus.RUNNING && r.deadline != null && r.deadline.isBefore(now))
        .sorted(Comparator.comparing((RunRow r) -> r.deadline).thenComparing(r -> r.id))
        .limit(limit)
        .map(RunRow::snapshot)
        .toList();
  }

  Map<RunStatus, Long> countByStatus() {
    Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
    runs.values().forEach(r -> counts.merge(r.status, 1L, Long::sum));
    return counts;
  }

  /** Whether the event has a running run (its event must be kept). */
  boolean hasRunningRun(String eventId) {
    return runs.values().stream()
        .anyMatch(r -> r.eventId.equals(eventId) && r.status == RunStatus.RUNNING);
  }

  /** Forgets the runs of deleted events, with their step records and tokens. */
  void forgetEvents(java.util.Set<String> eventIds) {
    List<String> gone =
        runs.values().stream().filter(r -> eventIds.contains(r.eventId)).map(r -> r.id).toList();
    gone.forEach(runs::remove);
    tokens.values().removeIf(t -> gone.contains(t.runId));
    steps.keySet().removeIf(id -> !jobs.containsKey(id));
  }
}
