package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One transition of a workflow run, stored by {@link RunStore#advanceRun} in one transaction: the
 * outcome of a step job and everything it leads to. It applies only while the run is running and
 * the job is running at the completion's attempt (the fence of {@link Store#complete}); otherwise
 * nothing of it is stored, and a job of a run that is no longer running is cancelled.
 *
 * <p>In order, the store: records {@link #completion} for the job (a succeeded completion whose
 * attempt record has an error, a failure that a catch or {@code on_failure: continue} handled,
 * keeps that error as the job's {@code last_error}; {@link #waits} makes a succeeded job {@code
 * waiting} instead of {@code completed}, or {@code available} at once when something already woke
 * it); sets the step record's output and error; when {@link #cancelActivation}, cancels the other
 * open jobs of the job's activation; creates the {@link #next} step jobs and a {@link #childRun};
 * when {@link #join} is set and every branch job of the activation has completed, wakes the
 * activation's waiting step job (or leases it, see {@link Join#leaseUntil}); then updates the run:
 * its current step, or its {@link #end} (which also cancels the run's open jobs, invalidates its
 * callback tokens and wakes the parent's step job of a child run).
 *
 * <p>A {@link #next} job stored leased ({@link NewJob#leaseUntil}) is {@code running} at attempt 1,
 * as if claimed in the same transaction: the engine stores its own transition right after this one
 * in the same {@link RunStore#advanceRuns} call (a step that makes no call, executed inline).
 *
 * @param waitToken with {@link #waits}: the callback token that will wake the job; its expiry is
 *     {@code waitUntil}
 */
public record RunAdvance(
    String runId,
    Completion completion,
    @Nullable String stepOutput,
    @Nullable String stepError,
    boolean waits,
    @Nullable String waitToken,
    @Nullable Instant waitUntil,
    boolean cancelActivation,
    List<NewStep> next,
    @Nullable NewRun childRun,
    @Nullable Join join,
    @Nullable String currentStep,
    @Nullable RunEnd end,
    Instant now) {

  /**
   * Wakes the waiting step job {@code stepJobId} once {@code total} branch jobs completed.
   *
   * @param leaseUntil null: the woken job becomes {@code available}, to be claimed. Set: it is
   *     leased to the caller until then instead, as if claimed in the same transaction ({@code
   *     running} at the attempt it waited with, started now), because a transition of it follows in
   *     the same {@link RunStore#advanceRuns} call (the join executed inline)
   */
  public record Join(String activation, int total, String stepJobId, @Nullable Instant leaseUntil) {
    public Join {
      requireNonNull(activation, "activation");
      requireNonNull(stepJobId, "stepJobId");
    }

    /** A join that makes the woken job available. */
    public Join(String activation, int total, String stepJobId) {
      this(activation, total, stepJobId, null);
    }

    /** This join leasing the job it wakes until {@code until}. */
    public Join leasedUntil(Instant until) {
      return new Join(activation, total, stepJobId, requireNonNull(until, "until"));
    }
  }

  /** The end of a run: completed with its output, or failed or cancelled with its error object. */
  public record RunEnd(RunStatus status, @Nullable String output, @Nullable String error) {
    public RunEnd {
      requireNonNull(status, "status");
      if (status == RunStatus.RUNNING) {
        throw new IllegalArgumentException("a run ends completed, failed or cancelled");
      }
    }

    public static RunEnd completed(String output) {
      return new RunEnd(RunStatus.COMPLETED, requireNonNull(output, "output"), null);
    }

    public static RunEnd failed(String error) {
      return new RunEnd(RunStatus.FAILED, null, requireNonNull(error, "error"));
    }

    /**
     * What the end of a child run writes into the step record of its parent's waiting {@code
     * workflow} step job: {@code {"child_status":"completed","output":…,"error":…}} (output and
     * error are JSON text already, or null).
     */
    public String parentResume() {
      return "{\"child_status\":\""
          + status.label()
          + "\",\"output\":"
          + (output == null ? "null" : output)
          + ",\"error\":"
          + (error == null ? "null" : error)
          + "}";
    }
  }

  public RunAdvance {
    requireNonNull(runId, "runId");
    requireNonNull(completion, "completion");
    next = List.copyOf(next);
    requireNonNull(now, "now");
    if (end != null && (!next.isEmpty() || childRun != null)) {
      throw new IllegalArgumentException("a run that ends starts no further step");
    }
  }

  /** This transition with {@code join} instead of {@link #join}. */
  public RunAdvance withJoin(Join join) {
    return new RunAdvance(
        runId,
        completion,
        stepOutput,
        stepError,
        waits,
        waitToken,
        waitUntil,
        cancelActivation,
        next,
        childRun,
        requireNonNull(join, "join"),
        currentStep,
        end,
        now);
  }

  /** This transition creating {@code steps} instead of {@link #next} (the same jobs, leased). */
  public RunAdvance withNext(List<NewStep> steps) {
    return new RunAdvance(
        runId,
        completion,
        stepOutput,
        stepError,
        waits,
        waitToken,
        waitUntil,
        cancelActivation,
        steps,
        childRun,
        join,
        currentStep,
        end,
        now);
  }

  public static Builder builder(String runId, Completion completion, Instant now) {
    return new Builder(runId, completion, now);
  }

  /** Builds a {@link RunAdvance}; each method sets the component of the same name. */
  public static final class Builder {
    private final String runId;
    private final Completion completion;
    private final Instant now;
    private @Nullable String stepOutput;
    private @Nullable String stepError;
    private boolean waits;
    private @Nullable String waitToken;
    private @Nullable Instant waitUntil;
    private boolean cancelActivation;
    private final List<NewStep> next = new ArrayList<>();
    private @Nullable NewRun childRun;
    private @Nullable Join join;
    private @Nullable String currentStep;
    private @Nullable RunEnd end;

    private Builder(String runId, Completion completion, Instant now) {
      this.runId = runId;
      this.completion = completion;
      this.now = now;
    }

    public Builder stepOutput(@Nullable String output) {
      this.stepOutput = output;
      return this;
    }

    public Builder stepError(@Nullable String error) {
      this.stepError = error;
      return this;
    }

    /** The job waits to be woken, by {@code token} when set, which expires at {@code until}. */
    public Builder waits(@Nullable String token, @Nullable Instant until) {
      this.waits = true;
      this.waitToken = token;
      this.waitUntil = until;
      return this;
    }

    public Builder cancelActivation() {
      this.cancelActivation = true;
      return this;
    }

    /** Adds step jobs to create; the run's current step becomes the step of the first. */
    public Builder next(List<NewStep> steps) {
      this.next.addAll(steps);
      if (!steps.isEmpty() && currentStep == null) {
        currentStep = steps.get(0).ref().stepName();
      }
      return this;
    }

    public Builder childRun(NewRun run) {
      this.childRun = run;
      return this;
    }

    public Builder join(Join join) {
      this.join = join;
      return this;
    }

    public Builder currentStep(String step) {
      this.currentStep = step;
      return this;
    }

    public Builder end(RunEnd end) {
      this.end = end;
      return this;
    }

    public RunAdvance build() {
      return new RunAdvance(
          runId,
          completion,
          stepOutput,
          stepError,
          waits,
          waitToken,
          waitUntil,
          cancelActivation,
          next,
          childRun,
          join,
          currentStep,
          end,
          now);
    }
  }
}
