package dev.qhook.internal.workflow;

import dev.qhook.config.ChoiceStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.Step;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.ingest.LeasedJobs;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps that make no call (a choice; the fan-out of a parallel or map step) executed inside the
 * transition that leads to them (docs/architecture.md, "Workflow runs"). The step's job is created
 * leased, as if claimed in that transition, and the step's own transition follows it in the same
 * group, which the transition writer stores in the same transaction: such a step costs no claim, no
 * read and no transaction of its own, and no crash can fall between the two. Its job, attempt and
 * step record are what its execution as a job would have left. Steps that wait (wait, callback,
 * workflow) stay jobs.
 *
 * <p>The join of a parallel or map step runs inline too when the branch or item job that completes
 * it here knows every result ({@link LocalJoins}): the step's own job's transition follows the
 * branch's, whose join then leases the job it wakes ({@link RunAdvance.Join#leaseUntil}), so the
 * follower's fence holds exactly when the store saw every branch job completed; otherwise the
 * follower is not applied and the woken job runs the join as a job, as before.
 */
final class InlineSteps {
  private static final Logger log = LoggerFactory.getLogger(InlineSteps.class);

  /**
   * Inline executions after one transition at most: a loop made only of call-less steps goes on as
   * jobs (bounded by the run's deadline), never holds a worker.
   */
  static final int MAX_CHAIN = 8;

  /** A transition with the execution it describes. */
  record Executed(StepContext context, RunAdvance advance) {}

  private final Function<StepContext, RunAdvance.Builder> execute;
  private final BiFunction<StepContext, Map<String, String>, Optional<Executed>> joiner;
  private final Supplier<Duration> lease;
  private final LocalJoins joins = new LocalJoins();

  /**
   * @param execute executes a step job and describes its transition
   * @param joiner executes the join that a branch or item job completed, given every result
   * @param lease how long a job is leased for (the claims' lease)
   */
  InlineSteps(
      Function<StepContext, RunAdvance.Builder> execute,
      BiFunction<StepContext, Map<String, String>, Optional<Executed>> joiner,
      Supplier<Duration> lease) {
    this.execute = execute;
    this.joiner = joiner;
    this.lease = lease;
  }

  /**
   * The transitions to store together: {@code advance} of {@code c} first (its call-less next steps
   * leased), then those steps' own transitions, each after the one that created its job.
   */
  List<Executed> follow(StepContext c, RunAdvance advance) {
    List<Executed> group = new ArrayList<>();
    add(group, c, advance);
    return group;
  }

  private void add(List<Executed> group, StepContext c, RunAdvance given) {
    int at = group.size();
    Executed joined = joinedHere(group.size(), c, given);
    RunAdvance advance =
        joined == null
            ? given
            : given.withJoin(
                Objects.requireNonNull(given.join()).leasedUntil(c.now().plus(lease.get())));
    group.add(new Executed(c, advance));
    List<NewStep> next = new ArrayList<>(advance.next());
    List<Executed> inline = new ArrayList<>();
    for (int i = 0; i < next.size(); i++) {
      NewStep s = next.get(i);
      if (group.size() + inline.size() >= MAX_CHAIN || !callLess(c.workflow(), s)) {
        continue;
      }
      NewStep leased =
          new NewStep(s.job().leasedUntil(c.now().plus(lease.get())), s.input(), s.activation());
      StepContext step = context(c, leased);
      try {
        inline.add(new Executed(step, execute.apply(step).build()));
      } catch (RuntimeException e) { // it stays a job, which fails as any job would
        log.warn("step job {} could not run inline: {}", leased.job().id(), e.toString());
        continue;
      }
      next.set(i, leased);
    }
    if (!inline.isEmpty()) {
      group.set(at, new Executed(c, advance.withNext(next)));
    }
    for (Executed e : inline) {
      add(group, e.context(), e.advance());
    }
    if (joined != null) {
      add(group, joined.context(), joined.advance());
    }
  }

  /**
   * The join this branch or item job completes in this instance ({@link LocalJoins}), executed: the
   * step's own job's transition, which follows {@code advance} (the store then leases the job it
   * wakes to it). Null when the join is not this job's to execute here.
   */
  private @Nullable Executed joinedHere(int chain, StepContext c, RunAdvance advance) {
    RunAdvance.Join join = advance.join();
    String branch = c.ref().branch();
    if (advance.cancelActivation() && branch != null) {
      joins.forget(c.record().activation());
    }
    if (join == null || branch == null || advance.stepOutput() == null || chain >= MAX_CHAIN) {
      return null;
    }
    Map<String, String> results =
        joins.completed(join.activation(), branch, advance.stepOutput(), join.total());
    if (results == null) {
      return null;
    }
    try {
      return joiner.apply(c, results).orElse(null);
    } catch (RuntimeException e) { // the store's join wakes the job instead
      log.warn("the join of step job {} could not run inline: {}", join.stepJobId(), e.toString());
      return null;
    }
  }

  /** A step's own job (no branch or item) of a step that makes no call before it moves on. */
  static boolean callLess(WorkflowConfig workflow, NewStep s) {
    if (s.ref().branch() != null || s.job().leaseUntil() != null) {
      return false;
    }
    Step step = workflow.steps().get(s.ref().stepIndex());
    return step instanceof ChoiceStep || step instanceof ParallelStep || step instanceof MapStep;
  }

  /** The execution of {@code leased} as a worker that claimed it now would see it. */
  private static StepContext context(StepContext c, NewStep leased) {
    ClaimedJob claimed = LeasedJobs.claimed(leased.job(), c.claimed().event());
    RunStep record =
        new RunStep(claimed.job(), leased.input(), null, null, leased.activation(), null);
    return new StepContext(
        claimed,
        c.run(),
        record,
        c.workflow(),
        c.workflow().steps().get(leased.ref().stepIndex()),
        StepResults.result(leased.input()),
        c.now());
  }
}
