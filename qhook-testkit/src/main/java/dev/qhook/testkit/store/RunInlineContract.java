package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.RunFixtures.noRequest;
import static dev.qhook.testkit.store.RunFixtures.runId;
import static dev.qhook.testkit.store.RunFixtures.step;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps the engine executes inside the transition that leads to them (a choice, a fan-out, a join):
 * the transition creates the step's job leased, or its join leases the job it wakes, and the step's
 * own transition follows in the same {@code advanceRuns} call, fenced as any.
 */
public interface RunInlineContract extends RunSteps {

  @Test
  default void aStepJobCreatedLeasedIsCompletedByTheTransitionThatFollowsInTheSameCall() {
    String id = runId();
    Job first = startedAndClaimed(id);
    NewStep choice = leased(step(id, "pick", 1, at(1)));
    NewStep third = step(id, "third", 2, at(1));

    List<Boolean> applied =
        store()
            .runs()
            .advanceRuns(
                List.of(
                    succeeded(first, id, at(1))
                        .stepOutput("{\"o\":1}")
                        .next(List.of(choice))
                        .build(),
                    RunAdvance.builder(
                            id,
                            new Completion.Succeeded(choice.job().id(), 1, noRequest(1, at(1))),
                            at(1))
                        .stepOutput(choice.input())
                        .next(List.of(third))
                        .build()));

    assertThat(applied).containsExactly(true, true);
    Job picked = job(choice.job().id());
    assertThat(picked.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(picked.attempt()).isEqualTo(1);
    assertThat(picked.leaseUntil()).isNull();
    assertThat(store().attempts(picked.id())).hasSize(1);
    assertThat(job(third.job().id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(run(id).currentStep()).isEqualTo("third");
    assertThat(store().runs().runSteps(id))
        .extracting(RunStep::output)
        .containsExactly("{\"o\":1}", choice.input(), null);
  }

  @Test
  default void aJoinThatLeasesTheJobItWakesLetsTheJobsTransitionFollowInTheSameCall() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = parallel.id();
    fanOut(parallel, id, activation);
    RunAdvance.Join join = new RunAdvance.Join(activation, 2, parallel.id());
    Job one = claimOne(at(2));
    Job two = claimOne(at(2));

    List<Boolean> applied =
        store()
            .runs()
            .advanceRuns(
                List.of(
                    succeeded(one, id, at(3)).stepOutput("1").join(join).build(),
                    succeeded(two, id, at(3))
                        .stepOutput("2")
                        .join(join.leasedUntil(at(60)))
                        .build(),
                    joined(parallel, id)));

    assertThat(applied).containsExactly(true, true, true);
    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job(parallel.id()).attempt()).isEqualTo(parallel.attempt());
    assertThat(store().runs().stepState(parallel.id()).orElseThrow().step().resume())
        .isEqualTo("{\"joined\":true}");
    assertThat(run(id).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run(id).output()).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  default void aLeasingJoinThatDoesNotFireLeavesTheJobWaitingAndItsFollowerIsIgnored() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = parallel.id();
    fanOut(parallel, id, activation);
    RunAdvance.Join join = new RunAdvance.Join(activation, 2, parallel.id());
    Job one = claimOne(at(2));
    claimOne(at(2)); // the other branch is still running

    List<Boolean> applied =
        store()
            .runs()
            .advanceRuns(
                List.of(
                    succeeded(one, id, at(3))
                        .stepOutput("1")
                        .join(join.leasedUntil(at(60)))
                        .build(),
                    joined(parallel, id)));

    assertThat(applied).containsExactly(true, false);
    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.WAITING);
    assertThat(job(parallel.id()).leaseUntil()).isNull();
    assertThat(run(id).status()).isEqualTo(RunStatus.RUNNING);
  }

  private static NewStep leased(NewStep s) {
    return new NewStep(s.job().leasedUntil(at(60)), s.input(), s.activation());
  }

  /** The transition of the woken parallel step job: it succeeds and ends the run. */
  private static RunAdvance joined(Job parallel, String runId) {
    return RunAdvance.builder(
            runId,
            new Completion.Succeeded(
                parallel.id(), parallel.attempt(), noRequest(parallel.attempt(), at(3))),
            at(3))
        .stepOutput("{\"a\":1,\"b\":2}")
        .end(RunAdvance.RunEnd.completed("{\"a\":1,\"b\":2}"))
        .build();
  }
}
