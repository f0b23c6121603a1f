package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.SequentialStep;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.FailureDecision;
import dev.qhook.internal.workflow.flow.FailureDecisions;
import dev.qhook.internal.workflow.flow.NextStep;
import dev.qhook.internal.workflow.flow.NextSteps;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Turns the outcome of a step into the run's next transition (docs/reference/configuration.md,
 * "Workflows"): after a success {@code end}, {@code goto} or list order; after a failure retry,
 * catch, continue or stop, in that order.
 */
final class Transitions {
  private final StepJobs jobs;
  private final RandomGenerator random;

  Transitions(StepJobs jobs, RandomGenerator random) {
    this.jobs = jobs;
    this.random = random;
  }

  /** A builder whose job completion is {@code completion}. */
  static RunAdvance.Builder of(StepContext c, Completion completion) {
    return RunAdvance.builder(c.runId(), completion, c.now());
  }

  /**
   * The step succeeded with {@code output} (its result merged and templated): the job completes and
   * the run goes on as the step's flow says.
   *
   * @throws PayloadTooLarge the output or the next step's input is over the limit
   */
  RunAdvance.Builder succeeded(
      StepContext c, SequentialStep step, JsonNode output, AttemptRecord record) {
    RunAdvance.Builder b =
        of(c, new Completion.Succeeded(c.job().id(), c.job().attempt(), record))
            .stepOutput(jobs.text(output, "the output of step '" + step.name() + "'"));
    return goOn(c, b, NextSteps.afterSuccess(c.workflow(), step), output);
  }

  /**
   * Continues the run at {@code next} with {@code payload}: the next step's job, or the run's end
   * with the payload as its output.
   */
  RunAdvance.Builder goOn(StepContext c, RunAdvance.Builder b, NextStep next, JsonNode payload) {
    if (next instanceof NextStep.Goto g) {
      NewStep s =
          jobs.step(
              c.runId(),
              c.workflow(),
              g.index(),
              DataFlow.input(c.workflow().steps().get(g.index()), payload),
              c.now());
      return b.next(List.of(s));
    }
    return b.end(RunAdvance.RunEnd.completed(jobs.text(payload, "the output of the run")));
  }

  /**
   * The step failed with {@code error}: retried when attempts remain, else caught, continued or
   * stopped (the job dead and the run failed).
   *
   * @param record the failed attempt (a record without a request for failures without one)
   * @param retryAfter a usable {@code Retry-After} of the response, or null
   */
  RunAdvance.Builder failed(
      StepContext c,
      FallibleStep step,
      WorkflowError error,
      AttemptRecord record,
      @Nullable Duration retryAfter) {
    FailureDecision decision =
        FailureDecisions.decide(step, error.errorClass(), c.job().attempt(), retryAfter, random);
    return apply(c, step, decision, error, record);
  }

  /** Applies a failure decision already taken (a branch or item failed for good: no retry). */
  RunAdvance.Builder apply(
      StepContext c,
      FallibleStep step,
      FailureDecision decision,
      WorkflowError error,
      AttemptRecord record) {
    String jobId = c.job().id();
    int attempt = c.job().attempt();
    if (decision instanceof FailureDecision.Retry r) {
      return of(
          c,
          new Completion.Retry(jobId, attempt, record, c.now().plus(r.delay()), error.message()));
    }
    if (decision instanceof FailureDecision.Catch caught) {
      RunAdvance.Builder b =
          of(c, new Completion.Succeeded(jobId, attempt, record)).stepError(error.toJsonText());
      return goOn(
          c, b, NextSteps.to(c.workflow(), caught.next()), caught.payload(c.input(), error));
    }
    if (decision instanceof FailureDecision.Continue cont) {
      RunAdvance.Builder b =
          of(c, new Completion.Succeeded(jobId, attempt, record)).stepError(error.toJsonText());
      return goOn(c, b, NextSteps.afterSuccess(c.workflow(), step), cont.payload(c.input(), error));
    }
    return stop(c, error, record);
  }

  /** The job goes dead and the run fails with {@code error} (not catchable from here). */
  static RunAdvance.Builder stop(
      StepContext c, WorkflowError error, @Nullable AttemptRecord record) {
    String json = error.toJsonText();
    return of(c, new Completion.Dead(c.job().id(), c.job().attempt(), record, error.message()))
        .stepError(json)
        .end(RunAdvance.RunEnd.failed(json));
  }
}
