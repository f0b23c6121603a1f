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
 * Workflow runs and pinned definitions of {@link InMemoryStore}, over its job rows, with their step
 * records ({@link InMemorySteps}) and callback tokens ({@link InMemoryTokens}); applies each run
 * transition across all three. Not thread-safe: the store serialises every call.
 */
final class InMemoryRuns {
  private final TreeMap<String, JobRow> jobs;
  private final BiConsumer<String, AttemptRecord> attempts;
  private final TreeMap<String, RunRow> runs = new TreeMap<>();
  private final Map<String, String> definitions = new HashMap<>();
  private final InMemorySteps steps;
  private final InMemoryTokens tokens;

  InMemoryRuns(TreeMap<String, JobRow> jobs, BiConsumer<String, AttemptRecord> attempts) {
    this.jobs = jobs;
    this.attempts = attempts;
    this.steps = new InMemorySteps(jobs);
    this.tokens = new InMemoryTokens(steps);
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
    steps.add(run.eventId, step, now);
    run.currentStep = step.ref().stepName();
  }

  boolean advance(RunAdvance a) {
    RunRow run = runs.get(a.runId());
    Completion c = a.completion();
    JobRow job = jobs.get(c.jobId());
    InMemorySteps.StepRow step = steps.get(c.jobId());
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
      tokens.expireAt(a.waitToken(), a.waitUntil());
    }
    if (a.stepOutput() != null) {
      step.output = a.stepOutput();
    }
    if (a.stepError() != null) {
      step.error = a.stepError();
    }
    if (a.cancelActivation()) {
      cancelOpen(j -> j != job && step.activation.equals(steps.activationOf(j)), a.now());
    }
    a.next().forEach(s -> addStep(run, s, a.now()));
    if (a.childRun() != null) {
      start(run.eventId, a.now(), List.of(a.childRun()));
      run.currentStep = job.step == null ? run.currentStep : job.step.stepName();
    }
    RunAdvance.Join join = a.join();
    if (join != null && steps.completedBranches(join.activation()) >= join.total()) {
      steps.wake(join.stepJobId(), RESUME_JOINED, a.now());
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

  private void applyCompletion(JobRow job, InMemorySteps.StepRow step, Completion c, RunAdvance a) {
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

  private void cancelOpen(java.util.function.Predicate<JobRow> which, Instant now) {
    for (JobRow j : jobs.values()) {
      if (j.status.isOpen() && which.test(j)) {
        j.finish(JobStatus.CANCELLED, now, j.lastError);
      }
    }
  }

  private void end(
      RunRow run, RunStatus status, @Nullable String output, @Nullable String error, Instant now) {
    run.status = status;
    run.output = output;
    run.error = error;
    run.completedAt = now;
    cancelOpen(j -> j.step != null && j.step.runId().equals(run.id), now);
    tokens.invalidateOfRun(run.id);
    if (run.parentJobId != null && run.parentRunId != null) {
      RunRow parent = runs.get(run.parentRunId);
      if (parent != null && parent.status == RunStatus.RUNNING) {
        steps.wake(
            run.parentJobId, new RunAdvance.RunEnd(status, output, error).parentResume(), now);
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
    tokens.create(token, runId, jobId);
  }

  boolean completeCallback(String token, String resume, Instant now) {
    return tokens.complete(
        token,
        resume,
        now,
        runId -> {
          RunRow run = runs.get(runId);
          return run != null && run.status == RunStatus.RUNNING;
        });
  }

  int expireTokens(Instant now, String resume) {
    return tokens.expire(now, resume);
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
    return steps.ofRun(runId);
  }

  Optional<StepState> stepState(String jobId) {
    JobRow job = jobs.get(jobId);
    if (job == null || job.step == null || steps.get(jobId) == null) {
      return Optional.empty();
    }
    RunRow run = runs.get(job.step.runId());
    return run == null
        ? Optional.empty()
        : Optional.of(new StepState(run.snapshot(), steps.view(job)));
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
    tokens.forgetRuns(gone);
    steps.forgetDeletedJobs();
  }
}
