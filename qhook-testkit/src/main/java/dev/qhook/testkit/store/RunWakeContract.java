package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.RunFixtures.runId;
import static dev.qhook.testkit.store.RunFixtures.step;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Waiting step jobs and what wakes them: a callback token (exactly once, before or after the wait,
 * or its expiry), the join of branch jobs, a branch failing for good, the end of a child run.
 */
public interface RunWakeContract extends RunSteps {

  @Test
  default void aCallbackWakesTheWaitingJobExactlyOnce() {
    String id = runId();
    Job first = startedAndClaimed(id);
    store().runs().createCallbackToken("tok-once", id, first.id(), at(1));
    store().runs().advanceRun(succeeded(first, id, at(1)).waits("tok-once", at(100)).build());
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.WAITING);

    assertThat(store().runs().completeCallback("tok-once", "{\"body\":1}", at(2))).isTrue();
    assertThat(store().runs().completeCallback("tok-once", "{\"body\":2}", at(2))).isFalse();

    Job woken = job(first.id());
    assertThat(woken.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(woken.attempt()).isZero();
    assertThat(woken.scheduledAt()).isEqualTo(at(2));
    assertThat(store().runs().stepState(first.id()).orElseThrow().step().resume())
        .isEqualTo("{\"body\":1}");
  }

  @Test
  default void aCallbackBeforeTheWaitIsStoredMakesTheJobDueAtOnce() {
    String id = runId();
    Job first = startedAndClaimed(id);
    store().runs().createCallbackToken("tok-early", id, first.id(), at(1));
    assertThat(store().runs().completeCallback("tok-early", "\"early\"", at(1))).isTrue();

    store().runs().advanceRun(succeeded(first, id, at(2)).waits("tok-early", null).build());

    assertThat(job(first.id()).status()).isEqualTo(JobStatus.AVAILABLE);
  }

  @Test
  default void anExpiredTokenWakesTheJobAndNoLongerCompletes() {
    String id = runId();
    Job first = startedAndClaimed(id);
    store().runs().createCallbackToken("tok-exp", id, first.id(), at(1));
    store().runs().advanceRun(succeeded(first, id, at(1)).waits("tok-exp", at(10)).build());

    assertThat(store().runs().expireCallbackTokens(at(9), "{\"expired\":true}")).isZero();
    assertThat(store().runs().expireCallbackTokens(at(11), "{\"expired\":true}")).isEqualTo(1);

    assertThat(job(first.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().runs().completeCallback("tok-exp", "{}", at(12))).isFalse();
    assertThat(store().runs().stepState(first.id()).orElseThrow().step().resume())
        .isEqualTo("{\"expired\":true}");
  }

  @Test
  default void theJoinWakesTheStepJobOnceEveryBranchCompleted() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = store().runs().stepState(parallel.id()).orElseThrow().step().activation();
    List<NewStep> ab = fanOut(parallel, id, activation);
    NewStep a = ab.get(0);
    NewStep b = ab.get(1);
    RunAdvance.Join join = new RunAdvance.Join(activation, 2, parallel.id());

    Job first = claimOne(at(2));
    store().runs().advanceRun(succeeded(first, id, at(2)).stepOutput("1").join(join).build());
    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.WAITING);
    Job second = claimOne(at(3));
    store().runs().advanceRun(succeeded(second, id, at(3)).stepOutput("2").join(join).build());

    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().runs().runSteps(id))
        .extracting(s -> s.job().step().branch())
        .containsExactly(null, "a", "b");
  }

  @Test
  default void aBranchFailingForGoodCancelsItsSiblings() {
    String id = runId();
    Job parallel = startedAndClaimed(id);
    String activation = parallel.id();
    List<NewStep> ab = fanOut(parallel, id, activation);
    NewStep a = ab.get(0);
    NewStep b = ab.get(1);
    Job failing = claimOne(at(2));

    store()
        .runs()
        .advanceRun(
            RunAdvance.builder(
                    id, new Completion.Dead(failing.id(), 1, failure(1, at(2)), "HTTP 503"), at(2))
                .stepError("{\"class\":\"5xx\"}")
                .cancelActivation()
                .end(RunAdvance.RunEnd.failed("{\"class\":\"5xx\"}"))
                .build());

    String other = failing.id().equals(a.job().id()) ? b.job().id() : a.job().id();
    assertThat(job(failing.id()).status()).isEqualTo(JobStatus.DEAD);
    assertThat(job(other).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job(parallel.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(run(id).status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  default void theEndOfAChildRunWakesItsParentsStepJob() {
    String parentId = runId();
    Job parentStep = startedAndClaimed(parentId);
    String childId = runId();
    NewStep childFirst = step(childId, "c1", 0, at(1));
    store()
        .runs()
        .advanceRun(
            succeeded(parentStep, parentId, at(1))
                .waits(null, null)
                .childRun(RunFixtures.child(childId, parentId, parentStep.id(), childFirst))
                .build());
    assertThat(run(childId).parentRunId()).isEqualTo(parentId);
    assertThat(store().runs().runs(RunQuery.childrenOf(parentId)).items()).hasSize(1);

    Job childJob = claimOne(at(2));
    store()
        .runs()
        .advanceRun(
            succeeded(childJob, childId, at(2))
                .end(RunAdvance.RunEnd.completed("{\"x\":1}"))
                .build());

    assertThat(job(parentStep.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().runs().stepState(parentStep.id()).orElseThrow().step().resume())
        .isEqualTo("{\"child_status\":\"completed\",\"output\":{\"x\":1},\"error\":null}");
  }
}
