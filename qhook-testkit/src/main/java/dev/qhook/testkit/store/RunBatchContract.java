package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.RunFixtures.runId;
import static dev.qhook.testkit.store.RunFixtures.running;
import static dev.qhook.testkit.store.RunFixtures.step;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.success;
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
 * Many transitions stored in one call ({@code advanceRuns}), as the engine's transition writer
 * stores them: each as {@code advanceRun} would, one after the other, with a result each in order.
 */
public interface RunBatchContract extends RunSteps {

  @Test
  default void aBatchStoresEachTransitionAndAnswersForEachInOrder() {
    String first = runId();
    String second = runId();
    startRuns(at(0), running(first, step(first, "first", 0, at(0)), null));
    startRuns(at(0), running(second, step(second, "first", 0, at(0)), null));
    Job a = claimOne(at(0));
    Job b = claimOne(at(0));
    String aRun = a.step().runId();
    String bRun = b.step().runId();
    NewStep next = step(aRun, "second", 1, at(1));

    List<Boolean> applied =
        store()
            .runs()
            .advanceRuns(
                List.of(
                    succeeded(a, aRun, at(1)).stepOutput("{\"o\":1}").next(List.of(next)).build(),
                    RunAdvance.builder(
                            bRun, new Completion.Succeeded(b.id(), 2, success(2, at(1))), at(1))
                        .end(RunAdvance.RunEnd.completed("{}"))
                        .build()));

    assertThat(applied).containsExactly(true, false); // b's attempt is 1: fenced out
    assertThat(job(a.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job(next.job().id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(run(aRun).currentStep()).isEqualTo("second");
    assertThat(store().runs().runSteps(aRun))
        .extracting(RunStep::output)
        .containsExactly("{\"o\":1}", null);
    assertThat(job(b.id()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(run(bRun).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(store().attempts(b.id())).isEmpty();
  }

  @Test
  default void twoBranchesOfOneRunJoinInOneBatch() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = store().runs().stepState(parallel.id()).orElseThrow().step().activation();
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
                    succeeded(two, id, at(3)).stepOutput("2").join(join).build()));

    assertThat(applied).containsExactly(true, true);
    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(one.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job(two.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  default void aTransitionAfterItsRunEndedInTheSameBatchIsIgnored() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = parallel.id();
    fanOut(parallel, id, activation);
    Job failing = claimOne(at(2));
    Job late = claimOne(at(2));

    List<Boolean> applied =
        store()
            .runs()
            .advanceRuns(
                List.of(
                    RunAdvance.builder(
                            id,
                            new Completion.Dead(failing.id(), 1, failure(1, at(2)), "HTTP 503"),
                            at(2))
                        .stepError("{\"class\":\"5xx\"}")
                        .cancelActivation()
                        .end(RunAdvance.RunEnd.failed("{\"class\":\"5xx\"}"))
                        .build(),
                    succeeded(late, id, at(3)).stepOutput("2").build()));

    assertThat(applied).containsExactly(true, false);
    assertThat(job(failing.id()).status()).isEqualTo(JobStatus.DEAD);
    assertThat(job(late.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(run(id).status()).isEqualTo(RunStatus.FAILED);
  }
}
