package dev.qhook.internal.workflow;

import dev.qhook.Alert;
import dev.qhook.WorkflowRuns;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.delivery.StepRequests;
import dev.qhook.internal.engine.LazyGroupCommitter;
import dev.qhook.internal.engine.WorkerOutcome;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The workflow engine's parts, wired (docs/architecture.md, "Workflow runs"): the run starter for
 * ingest, the step executor for the dispatcher's workers, the run operations of the API and the
 * deadline sweep for maintenance.
 */
public final class WorkflowEngine implements AutoCloseable {
  /** Transitions committed together at most: one transaction each batch. */
  static final int ADVANCE_BATCH = 128;

  private final RunStarter starter;
  private final StepExecutor executor;
  private final RunOperations operations;
  private final RunSweeper sweeper;
  private final RunEnds ends;
  private final Store store;
  private final LazyGroupCommitter<RunAdvance, Boolean> advancer;

  /** What the engine shares with the rest of the runtime. */
  public record Wiring(
      Store store,
      Transport transport,
      Clock clock,
      RandomGenerator random,
      UlidGenerator ids,
      EngineMetrics engineMetrics,
      Consumer<Alert> alerts,
      StepRequests requests,
      Runnable wake,
      Duration stepLease) {}

  public WorkflowEngine(QHookConfig config, Wiring w) {
    WorkflowMetrics metrics = new WorkflowMetrics(w.engineMetrics().registry());
    WorkflowCatalog catalog = new WorkflowCatalog(config, w.store());
    StepJobs jobs = new StepJobs(w.ids(), config.delivery().maxStepPayload());
    RunEnds ends = new RunEnds(w.store(), w.clock(), metrics, w.alerts());
    this.ends = ends;
    this.store = w.store();
    this.starter = new RunStarter(catalog, jobs, metrics, w.alerts());
    // Each transition stays one all-or-nothing RunAdvance; the writer commits the transitions of
    // many workers in one transaction, as the completion writer does plain outcomes. Its thread
    // starts with the first transition: none in an engine whose store holds no runs.
    this.advancer =
        new LazyGroupCommitter<>("qhook-advancer", ADVANCE_BATCH, w.store().runs()::advanceRuns);
    StepExecutor.Parts parts =
        new StepExecutor.Parts(
            w.store(),
            catalog,
            jobs,
            w.requests(),
            w.transport(),
            w.clock(),
            w.engineMetrics(),
            metrics,
            w.alerts(),
            advancer::submitAll,
            w.wake(),
            w.stepLease());
    Transitions transitions = new Transitions(jobs, w.random());
    StepCalls calls = new StepCalls(parts);
    FanOut fanOut =
        new FanOut(
            new Branches(parts, jobs, transitions, calls),
            new Callbacks(parts, transitions, calls, config.server().publicUrl()),
            new SubRuns(catalog, starter, transitions));
    this.executor = new StepExecutor(parts, transitions, ends, fanOut, calls);
    this.operations =
        new RunOperations(w.store(), w.clock(), catalog, jobs, ends, metrics, w.wake());
    this.sweeper = new RunSweeper(w.store(), w.clock(), ends, metrics, w.wake());
  }

  public RunStarter starter() {
    return starter;
  }

  /** Runs one claimed step job and stores its transition; see {@link StepExecutor}. */
  public Function<ClaimedJob, WorkerOutcome> executor() {
    return executor;
  }

  public WorkflowRuns runs() {
    return operations;
  }

  /**
   * Step jobs whose worker was lost on their final attempt went dead outside any transition: their
   * runs fail (class {@code timeout}, "worker lost during final attempt").
   */
  public void lostForGood(List<Job> dead) {
    for (Job job : dead) {
      StepRef step = job.step();
      if (job.kind() != JobKind.WORKFLOW_STEP || step == null) {
        continue;
      }
      store
          .runs()
          .run(step.runId())
          .filter(run -> run.status() == RunStatus.RUNNING)
          .ifPresent(
              run ->
                  ends.fail(
                      run,
                      WorkflowError.of(
                          LostJobs.FINAL_ATTEMPT_LOST,
                          ErrorClass.TIMEOUT,
                          step.stepName(),
                          job.id())));
    }
  }

  /** The deadline and callback expiry sweep, for maintenance every {@link RunSweeper#EVERY}. */
  public Runnable sweeper() {
    return sweeper;
  }

  /** Writes the transitions queued, then stops their writer; later ones fail. */
  @Override
  public void close() {
    advancer.close();
  }
}
