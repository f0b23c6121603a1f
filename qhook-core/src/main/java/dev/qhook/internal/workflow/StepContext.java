package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.Step;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.WorkflowRun;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of a claimed step job: the job and its event, the run, the step record, the pinned
 * definition and step, the step's input, and the time it started.
 */
record StepContext(
    ClaimedJob claimed,
    WorkflowRun run,
    RunStep record,
    WorkflowConfig workflow,
    Step step,
    JsonNode input,
    Instant now) {

  Job job() {
    return claimed.job();
  }

  StepRef ref() {
    return Objects.requireNonNull(claimed.job().step());
  }

  String runId() {
    return run.id();
  }
}
