package dev.qhook.memory;

import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The step records of {@link InMemoryRuns}: each step job's input, output, error, activation and
 * what woke it, over the store's job rows. Not thread-safe: the store serialises every call.
 */
final class InMemorySteps {
  private final TreeMap<String, JobRow> jobs;
  private final Map<String, StepRow> steps = new HashMap<>();

  InMemorySteps(TreeMap<String, JobRow> jobs) {
    this.jobs = jobs;
  }

  /** A step record's mutable part. */
  static final class StepRow {
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

  /** Stores a step's job (of event {@code eventId}) and its record. */
  void add(String eventId, NewStep step, Instant now) {
    jobs.put(step.job().id(), new JobRow(eventId, now, step.job()));
    steps.put(step.job().id(), new StepRow(step.input(), step.activation()));
  }

  /** The record of step job {@code jobId}, or null. */
  @Nullable StepRow get(String jobId) {
    return steps.get(jobId);
  }

  @Nullable String activationOf(JobRow job) {
    StepRow row = steps.get(job.id);
    return row == null ? null : row.activation;
  }

  long completedBranches(String activation) {
    return jobs.values().stream()
        .filter(
            j ->
                j.step != null
                    && j.step.branch() != null
                    && j.status == JobStatus.COMPLETED
                    && activation.equals(activationOf(j)))
        .count();
  }

  /** Records what woke a step job and makes it due now if it waits. */
  void wake(String jobId, String resume, Instant now) {
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

  /** The steps of run {@code runId}, in job id order. */
  List<RunStep> ofRun(String runId) {
    List<RunStep> out = new ArrayList<>();
    for (JobRow j : jobs.values()) {
      if (j.step != null && j.step.runId().equals(runId)) {
        out.add(view(j));
      }
    }
    return out;
  }

  RunStep view(JobRow j) {
    StepRow s = steps.get(j.id);
    return new RunStep(j.snapshot(), s.input, s.output, s.error, s.activation, s.resume);
  }

  /** Forgets the records of jobs that are gone. */
  void forgetDeletedJobs() {
    steps.keySet().removeIf(id -> !jobs.containsKey(id));
  }
}
