package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.HttpCall;
import dev.qhook.config.HttpStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.Step;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WaitTime;
import dev.qhook.internal.workflow.flow.WaitTimes;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.StepRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the jobs of steps, branches and items: target {@code <workflow>/<step>}, attempts from the
 * step's retry block, due now (a wait step: at its wake time, so that no thread waits), with the
 * step's input as JSON text within the step payload limit.
 */
public final class StepJobs {
  private static final Logger log = LoggerFactory.getLogger(StepJobs.class);

  private final UlidGenerator ids;
  private final int maxPayloadBytes;

  public StepJobs(UlidGenerator ids, int maxPayloadBytes) {
    this.ids = ids;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * The job of step {@code index} of {@code workflow}, acting on {@code input}.
   *
   * @throws PayloadTooLarge the input is over the limit
   */
  public NewStep step(
      String runId, WorkflowConfig workflow, int index, JsonNode input, Instant now) {
    Step step = workflow.steps().get(index);
    String text = text(input, "the input of step '" + step.name() + "'");
    Instant due = now;
    if (step instanceof WaitStep wait) {
      WaitTime at = WaitTimes.until(wait, input, now);
      at.warningText().ifPresent(w -> log.warn("run {}: {}", runId, w));
      due = at.at();
    }
    return NewStep.single(job(runId, workflow, index, null, url(step), due), text);
  }

  /**
   * A new job of step {@code index} acting on its recorded input again (a redrive): a wait step
   * waits again from now.
   */
  public NewStep again(
      String runId, WorkflowConfig workflow, int index, String input, Instant now) {
    return step(runId, workflow, index, StepResults.result(input), now);
  }

  /** The job of branch or item {@code branch} of step {@code index}, in {@code activation}. */
  public NewStep branch(
      String runId,
      WorkflowConfig workflow,
      int index,
      String branch,
      @Nullable String url,
      JsonNode input,
      String activation,
      Instant now) {
    Step step = workflow.steps().get(index);
    String text = text(input, "the input of step '" + step.name() + "' (" + branch + ")");
    return new NewStep(job(runId, workflow, index, branch, url, now), text, activation);
  }

  private NewJob job(
      String runId,
      WorkflowConfig workflow,
      int index,
      @Nullable String branch,
      @Nullable String url,
      Instant due) {
    Step step = workflow.steps().get(index);
    return NewJob.step(
        ids.next(),
        target(workflow, step),
        url,
        maxAttempts(step),
        due,
        new StepRef(runId, step.name(), index, branch));
  }

  /**
   * The JSON text of a payload within the limit.
   *
   * @throws PayloadTooLarge it is over the limit
   */
  public String text(JsonNode payload, String what) {
    String text = StepResults.text(payload);
    if (text.length() > maxPayloadBytes / 4 || text.length() > maxPayloadBytes) {
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxPayloadBytes) {
        throw new PayloadTooLarge(what, bytes, maxPayloadBytes);
      }
    }
    return text;
  }

  /** A fresh id (a run's, a token's job). */
  public String nextId() {
    return ids.next();
  }

  static String target(WorkflowConfig workflow, Step step) {
    return workflow.name() + "/" + step.name();
  }

  private static int maxAttempts(Step step) {
    return step instanceof FallibleStep f ? Math.max(1, f.failure().retry().maxAttempts()) : 1;
  }

  private static @Nullable String url(Step step) {
    HttpCall call =
        step instanceof HttpStep h
            ? h.call()
            : step instanceof MapStep m
                ? m.call()
                : step instanceof CallbackStep c ? c.notification() : null;
    return call == null ? null : call.url();
  }
}
