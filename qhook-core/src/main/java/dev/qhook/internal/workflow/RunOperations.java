package dev.qhook.internal.workflow;

import dev.qhook.RunDetail;
import dev.qhook.RunOperation;
import dev.qhook.WorkflowRuns;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.workflow.flow.CallbackTokens;
import dev.qhook.internal.workflow.flow.RunDeadlines;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.Page;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.Store;
import dev.qhook.spi.WorkflowRun;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WorkflowRuns} over the store: listing, detail, cancel, redrive and callbacks. */
final class RunOperations implements WorkflowRuns {
  private final Store store;
  private final Clock clock;
  private final WorkflowCatalog catalog;
  private final StepJobs jobs;
  private final RunEnds ends;
  private final WorkflowMetrics metrics;
  private final Runnable wake;

  RunOperations(
      Store store,
      Clock clock,
      WorkflowCatalog catalog,
      StepJobs jobs,
      RunEnds ends,
      WorkflowMetrics metrics,
      Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.catalog = catalog;
    this.jobs = jobs;
    this.ends = ends;
    this.metrics = metrics;
    this.wake = wake;
  }

  @Override
  public Page<WorkflowRun> runs(RunQuery query) {
    return store.runs().runs(query);
  }

  @Override
  public Optional<WorkflowRun> run(String id) {
    return store.runs().run(id);
  }

  @Override
  public Optional<RunDetail> detail(String id) {
    return store
        .runs()
        .run(id)
        .map(run -> new RunDetail(run, store.runs().runSteps(id), run.definitionHash()));
  }

  @Override
  public Map<RunStatus, Long> countByStatus() {
    return store.runs().countRunsByStatus();
  }

  @Override
  public RunOperation cancel(String id) {
    Optional<WorkflowRun> found = store.runs().run(id);
    if (found.isEmpty()) {
      return new RunOperation.NotFound(id);
    }
    if (found.get().status() != RunStatus.RUNNING || !ends.cancel(found.get())) {
      return new RunOperation.Conflict(
          id,
          "run "
              + id
              + " is "
              + store.runs().run(id).map(r -> r.status().label()).orElse("gone")
              + "; only a running run can be cancelled");
    }
    return new RunOperation.Applied(id, RunStatus.CANCELLED, null);
  }

  @Override
  public RunOperation redrive(String id) {
    Optional<WorkflowRun> found = store.runs().run(id);
    if (found.isEmpty()) {
      return new RunOperation.NotFound(id);
    }
    WorkflowRun run = found.get();
    if (run.status() != RunStatus.FAILED) {
      return new RunOperation.Conflict(
          id, "run " + id + " is " + run.status().label() + "; only a failed run can be redriven");
    }
    List<RunStep> steps = store.runs().runSteps(id);
    if (steps.isEmpty()) {
      return new RunOperation.Conflict(id, "run " + id + " failed before its first step");
    }
    // The failed step: the step job of the last execution (a branch or item belongs to its step).
    String activation = steps.get(steps.size() - 1).activation();
    RunStep failed =
        steps.stream()
            .filter(s -> s.job().id().equals(activation))
            .findFirst()
            .orElse(steps.get(steps.size() - 1));
    WorkflowConfig workflow = catalog.pinned(run.definitionHash());
    Instant now = clock.instant();
    boolean onDeadline =
        run.error() != null
            && WorkflowError.fromJsonText(run.error())
                .map(
                    e ->
                        e.errorClass() == ErrorClass.TIMEOUT
                            && e.message().equals(WorkflowError.RUN_TIMEOUT))
                .orElse(false);
    Instant deadline =
        RunDeadlines.redrive(now, workflow.timeout(), run.deadline(), onDeadline).orElse(null);
    int index = failed.job().step().stepIndex();
    NewStep again = jobs.again(id, workflow, index, failed.input(), now);
    if (!store.runs().redriveRun(id, again, deadline, now)) {
      return new RunOperation.Conflict(id, "run " + id + " is no longer failed");
    }
    wake.run();
    return new RunOperation.Applied(id, RunStatus.RUNNING, again.ref().stepName());
  }

  @Override
  public boolean completeCallback(String token, byte[] body) {
    if (!CallbackTokens.wellFormed(token)) {
      return false;
    }
    String resume =
        "{\"callback\":\"received\",\"result\":" + StepResults.text(StepResults.result(body)) + "}";
    if (!store.runs().completeCallback(CallbackTokens.digest(token), resume, clock.instant())) {
      return false;
    }
    metrics.callbackReceived();
    wake.run();
    return true;
  }
}
