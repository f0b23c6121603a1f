package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.Alert;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.HttpStep;
import dev.qhook.config.Step;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.delivery.StepRequests;
import dev.qhook.internal.engine.WorkerOutcome;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.NextStep;
import dev.qhook.internal.workflow.flow.NextSteps;
import dev.qhook.internal.workflow.flow.RunDeadlines;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.StepState;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import dev.qhook.spi.WorkflowRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one claimed workflow step job (docs/reference/configuration.md, "Workflows") and hands
 * the run's transition (one {@link RunAdvance}, all or nothing), followed by those of the call-less
 * steps it leads to ({@link InlineSteps}), to the transition writer as one group, which commits the
 * transitions of many workers together ({@link RunStore#advanceRuns}): it returns that write under
 * way, or a plain completion for a job whose step record is gone. Metrics, alerts and the
 * dispatcher's wake-up follow the commit. A step job of a run that is no longer running is
 * cancelled; a run past its deadline fails at once.
 */
public final class StepExecutor implements Function<ClaimedJob, WorkerOutcome> {
  private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);

  /** The pieces an execution uses. */
  record Parts(
      Store store,
      WorkflowCatalog catalog,
      StepJobs jobs,
      StepRequests requests,
      Transport transport,
      Clock clock,
      EngineMetrics engineMetrics,
      WorkflowMetrics metrics,
      Consumer<Alert> alerts,
      Function<List<RunAdvance>, CompletableFuture<List<Boolean>>> advances,
      Runnable wake,
      Duration stepLease) {}

  private final Parts parts;
  private final Transitions transitions;
  private final RunEnds ends;
  private final FanOut fanOut;
  private final StepCalls calls;
  private final InlineSteps inline;

  StepExecutor(Parts parts, Transitions transitions, RunEnds ends, FanOut fanOut, StepCalls calls) {
    this.parts = parts;
    this.inline = new InlineSteps(this::execute, fanOut::joinedInline, parts::stepLease);
    this.transitions = transitions;
    this.ends = ends;
    this.fanOut = fanOut;
    this.calls = calls;
  }

  @Override
  public WorkerOutcome apply(ClaimedJob claimed) {
    Job job = claimed.job();
    Optional<StepState> found = parts.store().runs().stepState(job.id());
    if (found.isEmpty()) {
      return WorkerOutcome.complete(
          new Completion.Dead(job.id(), job.attempt(), null, "workflow step record missing"));
    }
    WorkflowRun run = found.get().run();
    Instant now = parts.clock().instant();
    if (run.status() != RunStatus.RUNNING) {
      Completion cancelled =
          new Completion.Dead(job.id(), job.attempt(), null, "run " + run.status().label());
      return WorkerOutcome.storing(
          parts.advances().apply(List.of(RunAdvance.builder(run.id(), cancelled, now).build())));
    }
    if (RunDeadlines.passed(run.deadline(), now)) {
      ends.timedOut(run);
      return WorkerOutcome.stored();
    }
    WorkflowConfig workflow = parts.catalog().pinned(run.definitionHash());
    Step step = workflow.steps().get(job.step().stepIndex());
    JsonNode input = StepResults.result(found.get().step().input());
    StepContext c = new StepContext(claimed, run, found.get().step(), workflow, step, input, now);
    List<InlineSteps.Executed> group = inline.follow(c, execute(c).build());
    return WorkerOutcome.storing(
        parts
            .advances()
            .apply(group.stream().map(InlineSteps.Executed::advance).toList())
            .whenComplete(
                (stored, failed) -> {
                  if (failed != null) {
                    log.warn(
                        "storing the outcome of step job {} of run {} failed; its lease will"
                            + " return it: {}",
                        job.id(),
                        run.id(),
                        failed.getMessage());
                  } else if (stored.get(0)) {
                    afterCommit(group, stored);
                  } else {
                    log.debug(
                        "the outcome of step job {} of run {} was ignored", job.id(), run.id());
                  }
                }));
  }

  /**
   * On the writer's thread, once the transitions are stored: wakes the dispatcher, then reports
   * each that applied.
   */
  private void afterCommit(List<InlineSteps.Executed> group, List<Boolean> stored) {
    if (group.stream().anyMatch(e -> mayMakeDue(e.advance()))) {
      parts.wake().run();
    }
    for (int i = 0; i < group.size(); i++) {
      InlineSteps.Executed e = group.get(i);
      try {
        if (stored.get(i)) {
          applied(e.context(), e.advance());
        }
      } catch (RuntimeException ex) {
        log.warn("reporting the transition of step job {} failed", e.context().job().id(), ex);
      }
    }
  }

  /**
   * New step jobs to claim, a join, a child run's start or end, a wait already over: jobs may be
   * due. Steps executed inline (their jobs leased, a join that leases) need no claim.
   */
  private static boolean mayMakeDue(RunAdvance a) {
    if (a.completion() instanceof Completion.Retry) {
      return false;
    }
    return a.next().stream().anyMatch(s -> s.job().leaseUntil() == null)
        || (a.join() != null && a.join().leaseUntil() == null)
        || a.childRun() != null
        || a.end() != null
        || a.waits();
  }

  private RunAdvance.Builder execute(StepContext c) {
    Step step = c.step();
    if (step instanceof HttpStep http) {
      return http(c, http);
    }
    if (step instanceof ChoiceStep choice) {
      return choice(c, choice);
    }
    if (step instanceof WaitStep wait) {
      AttemptRecord none = noRequest(c);
      try {
        return transitions.succeeded(c, wait, c.input(), none);
      } catch (PayloadTooLarge e) {
        return Transitions.stop(c, tooLarge(c, e), none);
      }
    }
    return fanOut.execute(c);
  }

  private RunAdvance.Builder http(StepContext c, HttpStep step) {
    StepCalls.Call call =
        calls.send(
            c, step.call(), StepResults.bytes(c.input()), Map.of(), step.failure().timeout());
    if (!call.succeeded()) {
      try {
        return transitions.failed(c, step, call.error(), call.record(), call.retryAfter());
      } catch (PayloadTooLarge e) {
        return Transitions.stop(c, tooLarge(c, e), call.record());
      }
    }
    JsonNode output = DataFlow.output(step, c.input(), StepResults.result(call.body()));
    try {
      return transitions.succeeded(c, step, output, call.record());
    } catch (PayloadTooLarge e) {
      return transitions.failed(c, step, tooLarge(c, e), call.record(), null);
    }
  }

  private RunAdvance.Builder choice(StepContext c, ChoiceStep step) {
    Optional<NextStep.Goto> next = NextSteps.afterChoice(c.workflow(), step, c.input());
    AttemptRecord none = noRequest(c);
    if (next.isEmpty()) {
      return Transitions.stop(c, WorkflowError.noChoiceMatched(step.name(), c.job().id()), none);
    }
    try {
      RunAdvance.Builder b =
          Transitions.of(c, new Completion.Succeeded(c.job().id(), c.job().attempt(), none))
              .stepOutput(c.record().input());
      return transitions.goOn(c, b, next.get(), c.input());
    } catch (PayloadTooLarge e) {
      return Transitions.stop(c, tooLarge(c, e), none);
    }
  }

  static WorkflowError tooLarge(StepContext c, PayloadTooLarge e) {
    return WorkflowError.of(e.getMessage(), ErrorClass.CLIENT_ERROR, c.step().name(), c.job().id());
  }

  /** The attempt record of a step that makes no request (choice, wait, fan-out, join). */
  static AttemptRecord noRequest(StepContext c) {
    return new AttemptRecord(c.job().attempt(), null, null, 0, c.now(), null);
  }

  /** After the transition was stored: metrics, dead letters and alerts. */
  private void applied(StepContext c, RunAdvance advance) {
    String workflow = c.workflow().name();
    Completion done = advance.completion();
    parts.engineMetrics().stepJobsCreated(advance);
    if (done instanceof Completion.Succeeded && !advance.waits()) {
      parts.metrics().stepCompleted(workflow);
    }
    if (advance.childRun() != null) {
      parts.metrics().run(advance.childRun().workflow(), "started");
    }
    if (done instanceof Completion.Dead dead) {
      parts.engineMetrics().deadLettered(c.job().target());
      parts
          .alerts()
          .accept(
              Alert.deadLetter(
                  c.job().id(), c.job().target(), c.job().attempt(), dead.lastError()));
    }
    RunAdvance.RunEnd end = advance.end();
    if (end == null) {
      return;
    }
    if (end.status() == RunStatus.COMPLETED) {
      parts.metrics().run(workflow, "completed");
    } else {
      WorkflowError error =
          WorkflowError.fromJsonText(String.valueOf(end.error()))
              .orElse(WorkflowError.of("failed", ErrorClass.SERVER_ERROR, c.step().name(), null));
      ends.failed(workflow, c.runId(), c.step().name(), error);
    }
  }
}
