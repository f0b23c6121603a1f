package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.Alert;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.ParamsCheck;
import dev.qhook.internal.workflow.flow.RunDeadlines;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Starts the runs of an event at ingest (docs/reference/configuration.md, "workflows"): one per
 * matching workflow, in the event's transaction, each with its first step job. A run whose params
 * check fails is stored failed at once (class {@code 4xx}) and alerted; the event is still
 * accepted.
 */
public final class RunStarter {
  private final WorkflowCatalog catalog;
  private final StepJobs jobs;
  private final WorkflowMetrics metrics;
  private final Consumer<Alert> alerts;

  public RunStarter(
      WorkflowCatalog catalog, StepJobs jobs, WorkflowMetrics metrics, Consumer<Alert> alerts) {
    this.catalog = catalog;
    this.jobs = jobs;
    this.metrics = metrics;
    this.alerts = alerts;
  }

  /** Whether an event of {@code source} and {@code eventType} starts any run. */
  public boolean starts(String source, String eventType) {
    return !catalog.isEmpty() && !catalog.matching(source, eventType).isEmpty();
  }

  /** The runs an event starts, to store with it. */
  public List<NewRun> runs(String source, String eventType, byte[] payload, Instant now) {
    if (catalog.isEmpty()) {
      return List.of();
    }
    List<WorkflowCatalog.Entry> matched = catalog.matching(source, eventType);
    if (matched.isEmpty()) {
      return List.of();
    }
    JsonNode input = StepResults.result(payload);
    List<NewRun> runs = new ArrayList<>(matched.size());
    for (WorkflowCatalog.Entry entry : matched) {
      runs.add(start(entry, input, now, null, null, null));
    }
    return runs;
  }

  /**
   * A run of {@code entry} on {@code input}: running with its first step, or failed when its params
   * check or the payload limit refuses the input.
   *
   * @param deadline the run's deadline, or null to take it from the workflow's {@code timeout}
   */
  NewRun start(
      WorkflowCatalog.Entry entry,
      JsonNode input,
      Instant now,
      @Nullable String parentRunId,
      @Nullable String parentJobId,
      @Nullable Instant deadline) {
    WorkflowConfig wf = entry.config();
    String runId = jobs.nextId();
    Instant due = deadline != null ? deadline : RunDeadlines.start(now, wf.timeout()).orElse(null);
    String inputText;
    try {
      inputText = jobs.text(input, "the input of the run");
    } catch (PayloadTooLarge e) {
      return failed(
          entry, runId, "{}", WorkflowError.params(e.getMessage()), parentRunId, parentJobId);
    }
    Optional<WorkflowError> refused = ParamsCheck.error(wf.params(), input);
    if (refused.isPresent()) {
      return failed(entry, runId, inputText, refused.get(), parentRunId, parentJobId);
    }
    NewStep first;
    try {
      first = jobs.step(runId, wf, 0, DataFlow.input(wf.steps().get(0), input), now);
    } catch (PayloadTooLarge e) {
      WorkflowError error =
          WorkflowError.of(e.getMessage(), ErrorClass.CLIENT_ERROR, wf.steps().get(0).name(), null);
      return failed(entry, runId, inputText, error, parentRunId, parentJobId);
    }
    return new NewRun(
        runId,
        wf.name(),
        entry.definition(),
        RunStatus.RUNNING,
        parentRunId,
        parentJobId,
        inputText,
        null,
        due,
        first);
  }

  private static NewRun failed(
      WorkflowCatalog.Entry entry,
      String runId,
      String input,
      WorkflowError error,
      @Nullable String parentRunId,
      @Nullable String parentJobId) {
    return new NewRun(
        runId,
        entry.config().name(),
        entry.definition(),
        RunStatus.FAILED,
        parentRunId,
        parentJobId,
        input,
        error.toJsonText(),
        null,
        null);
  }

  /** After the commit: counts the runs started and alerts those that failed at once. */
  public void stored(List<NewRun> runs) {
    for (NewRun run : runs) {
      metrics.run(run.workflow(), "started");
      if (run.status() == RunStatus.FAILED) {
        metrics.run(run.workflow(), "failed");
        String message =
            WorkflowError.fromJsonText(String.valueOf(run.error()))
                .map(WorkflowError::message)
                .orElse("failed");
        alerts.accept(Alert.workflowFailed(run.workflow(), run.id(), null, message));
      }
    }
  }
}
