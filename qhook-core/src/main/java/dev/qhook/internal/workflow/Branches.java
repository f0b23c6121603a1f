package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.Branch;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.HttpCall;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.FailureDecisions;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parallel and map steps (docs/reference/configuration.md, "Workflows"). The step's job fans out:
 * one job per branch, or per item with at most {@code max_concurrency} in flight (item i, when it
 * completes, starts item i + max_concurrency), and waits. Each branch or item is retried on its own
 * under the step's retry; the one that completes last wakes the step's job (the store's join),
 * which collects the results: an object keyed by branch, or an array in item order. One branch or
 * item failing for good cancels the others and fails the step.
 */
final class Branches {
  private final StepJobs jobs;
  private final Transitions transitions;
  private final StepCalls calls;
  private final StepExecutor.Parts parts;

  Branches(StepExecutor.Parts parts, StepJobs jobs, Transitions transitions, StepCalls calls) {
    this.parts = parts;
    this.jobs = jobs;
    this.transitions = transitions;
    this.calls = calls;
  }

  /** The step's own job: fans out, or after the join collects the results. */
  RunAdvance.Builder step(StepContext c, FallibleStep step, boolean joined) {
    if (joined) {
      return joined(c, step, completedResults(c));
    }
    List<NewStep> fan = new ArrayList<>();
    if (step instanceof ParallelStep p) {
      for (Branch b : p.branches()) {
        fan.add(branchJob(c, b.name(), b.call().url(), c.input(), c.job().id()));
      }
    } else {
      MapStep m = (MapStep) step;
      JsonNode items = DataFlow.resolve(c.input(), m.itemsPath());
      if (items == null || items.isNull() || (items.isArray() && items.isEmpty())) {
        JsonNode empty = JsonNodeFactory.instance.arrayNode();
        return transitions.succeeded(c, step, DataFlow.output(step, c.input(), empty), none(c));
      }
      if (!items.isArray()) {
        WorkflowError error =
            WorkflowError.notAnArray(m.itemsPath(), items, step.name(), c.job().id());
        return transitions.failed(c, step, error, none(c), null);
      }
      for (int i = 0; i < Math.min(items.size(), m.maxConcurrency()); i++) {
        fan.add(branchJob(c, Integer.toString(i), m.call().url(), items.get(i), c.job().id()));
      }
    }
    return Transitions.of(c, new Completion.Succeeded(c.job().id(), c.job().attempt(), none(c)))
        .waits(null, null)
        .next(fan);
  }

  private NewStep branchJob(
      StepContext c, String branch, String url, JsonNode input, String activation) {
    return jobs.branch(
        c.runId(), c.workflow(), c.ref().stepIndex(), branch, url, input, activation, c.now());
  }

  /** A branch or item job: one call; success joins, failure for good fails the step. */
  RunAdvance.Builder branch(StepContext c, FallibleStep step) {
    StepRef ref = c.ref();
    String activation = c.record().activation();
    HttpCall call = call(step, ref.branch());
    StepCalls.Call done =
        calls.send(c, call, StepResults.bytes(c.input()), Map.of(), step.failure().timeout());
    if (done.succeeded()) {
      JsonNode result = StepResults.result(done.body());
      RunAdvance.Builder b =
          Transitions.of(
                  c, new Completion.Succeeded(c.job().id(), c.job().attempt(), done.record()))
              .stepOutput(jobs.text(result, "the result of step '" + step.name() + "'"))
              .join(new RunAdvance.Join(activation, total(c, step), activation));
      if (step instanceof MapStep m) {
        nextItem(c, m, Integer.parseInt(ref.branch()), activation)
            .ifPresent(n -> b.next(List.of(n)));
      }
      return b;
    }
    WorkflowError error = done.error();
    if (FailureDecisions.retries(step.failure().retry(), error.errorClass(), c.job().attempt())) {
      return transitions.failed(c, step, error, done.record(), done.retryAfter());
    }
    WorkflowError failed =
        step instanceof MapStep
            ? error.inItem(Integer.parseInt(ref.branch()))
            : error.inBranch(ref.branch());
    StepContext asStep = stepContext(c, activation);
    return transitions
        .apply(
            asStep,
            step,
            FailureDecisions.afterRetries(step, failed.errorClass()),
            failed,
            done.record())
        .cancelActivation();
  }

  private static HttpCall call(FallibleStep step, String branch) {
    if (step instanceof MapStep m) {
      return m.call();
    }
    return ((ParallelStep) step)
        .branches().stream()
            .filter(b -> b.name().equals(branch))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no branch " + branch))
            .call();
  }

  /** How many branch or item jobs the join waits for. */
  private int total(StepContext c, FallibleStep step) {
    if (step instanceof ParallelStep p) {
      return p.branches().size();
    }
    JsonNode items =
        DataFlow.resolve(
            stepContext(c, c.record().activation()).input(), ((MapStep) step).itemsPath());
    return items == null ? 0 : items.size();
  }

  private Optional<NewStep> nextItem(StepContext c, MapStep m, int done, String activation) {
    JsonNode items = DataFlow.resolve(stepContext(c, activation).input(), m.itemsPath());
    int next = done + m.maxConcurrency();
    if (items == null || !items.isArray() || next >= items.size()) {
      return Optional.empty();
    }
    return Optional.of(
        branchJob(c, Integer.toString(next), m.call().url(), items.get(next), activation));
  }

  /** The context of the step's own job ({@code activation}), with its input. */
  private StepContext stepContext(StepContext c, String activation) {
    RunStep own =
        parts
            .store()
            .runs()
            .stepState(activation)
            .orElseThrow(() -> new IllegalStateException("no step job " + activation))
            .step();
    return new StepContext(
        c.claimed(),
        c.run(),
        own,
        c.workflow(),
        c.step(),
        StepResults.result(own.input()),
        c.now());
  }

  /**
   * After the join: the step succeeds with its branches' or items' results ({@code results}: each
   * result's JSON text by branch name or item index).
   */
  RunAdvance.Builder joined(StepContext c, FallibleStep step, Map<String, String> results) {
    JsonNode result =
        step instanceof ParallelStep p ? branchResults(p, results) : itemResults(results);
    return transitions.succeeded(c, step, DataFlow.output(step, c.input(), result), none(c));
  }

  /**
   * The join executed by the branch or item job {@code c} that completed it in this instance
   * ({@link LocalJoins}): the step's own job as it waits, with every result; empty when that job
   * does not wait (gone, cancelled).
   */
  Optional<InlineSteps.Executed> joinedInline(StepContext c, Map<String, String> results) {
    String activation = c.record().activation();
    return parts
        .store()
        .runs()
        .stepState(activation)
        .filter(own -> own.step().job().status() == JobStatus.WAITING)
        .map(
            own -> {
              StepContext step =
                  new StepContext(
                      new ClaimedJob(own.step().job(), c.claimed().event()),
                      c.run(),
                      own.step(),
                      c.workflow(),
                      c.step(),
                      StepResults.result(own.step().input()),
                      c.now());
              FallibleStep fallible = (FallibleStep) c.step();
              return new InlineSteps.Executed(step, joined(step, fallible, results).build());
            });
  }

  /** The results of the step job's completed branch or item jobs, by branch name or item index. */
  private Map<String, String> completedResults(StepContext c) {
    String activation = c.job().id();
    Map<String, String> results = new HashMap<>();
    for (RunStep s : parts.store().runs().runSteps(c.runId())) {
      String branch = s.job().step().branch();
      if (activation.equals(s.activation())
          && branch != null
          && s.job().status() == JobStatus.COMPLETED) {
        results.putIfAbsent(branch, String.valueOf(s.output()));
      }
    }
    return results;
  }

  private static JsonNode branchResults(ParallelStep p, Map<String, String> results) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (Branch b : p.branches()) {
      String text = results.get(b.name());
      if (text != null) {
        result.set(b.name(), StepResults.result(text));
      }
    }
    return result;
  }

  private static JsonNode itemResults(Map<String, String> results) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    results.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
        .forEach(e -> result.add(StepResults.result(e.getValue())));
    return result;
  }

  private static AttemptRecord none(StepContext c) {
    return StepExecutor.noRequest(c);
  }
}
