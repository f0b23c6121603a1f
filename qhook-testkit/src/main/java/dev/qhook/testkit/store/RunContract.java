package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.RunFixtures.noRequest;
import static dev.qhook.testkit.store.RunFixtures.runId;
import static dev.qhook.testkit.store.RunFixtures.running;
import static dev.qhook.testkit.store.RunFixtures.step;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.WorkflowRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workflow runs: started with their event, advanced one transition at a time ({@code advanceRun},
 * fenced like completions), ended, redriven; step records in execution order; pinned definitions.
 */
public interface RunContract extends RunSteps {

  @Test
  default void appendStartsARunWithItsFirstStepJob() {
    String id = runId();
    NewStep first = step(id, "first", 0, at(0));
    Event event = startRuns(at(0), running(id, first, at(600)));

    WorkflowRun run = run(id);
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.eventId()).isEqualTo(event.id());
    assertThat(run.workflow()).isEqualTo("wf");
    assertThat(run.currentStep()).isEqualTo("first");
    assertThat(run.input()).isEqualTo("{\"a\":1}");
    assertThat(run.deadline()).isEqualTo(at(600));
    assertThat(run.definitionHash()).isEqualTo(RunFixtures.DEFINITION.hash());
    assertThat(store().runs().definition(RunFixtures.DEFINITION.hash()))
        .contains(RunFixtures.DEFINITION.json());
    Job job = job(first.job().id());
    assertThat(job.kind()).isEqualTo(JobKind.WORKFLOW_STEP);
    assertThat(job.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job.step()).isEqualTo(new StepRef(id, "first", 0, null));
    assertThat(job.target()).isEqualTo("wf/first");
    assertThat(store().runs().runSteps(id))
        .singleElement()
        .satisfies(s -> assertThat(s.input()).isEqualTo("{\"step\":\"first\"}"));
    assertThat(store().runs().runs(RunQuery.forEvent(event.id())).items())
        .extracting(WorkflowRun::id)
        .containsExactly(id);
  }

  @Test
  default void aRunThatFailedItsParamsIsStoredFailedWithoutAJob() {
    String id = runId();
    startRuns(at(0), RunFixtures.failedAtStart(id));

    WorkflowRun run = run(id);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).isEqualTo("{\"class\":\"4xx\"}");
    assertThat(run.completedAt()).isEqualTo(at(0));
    assertThat(store().runs().runSteps(id)).isEmpty();
    assertThat(store().runs().countRunsByStatus()).containsEntry(RunStatus.FAILED, 1L);
  }

  @Test
  default void advanceCompletesTheStepAndCreatesTheNextInOneCall() {
    String id = runId();
    Job first = startedAndClaimed(id);
    NewStep second = step(id, "second", 1, at(5));

    boolean applied =
        store()
            .runs()
            .advanceRun(
                succeeded(first, id, at(1)).stepOutput("{\"o\":1}").next(List.of(second)).build());

    assertThat(applied).isTrue();
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(store().attempts(first.id())).hasSize(1);
    assertThat(job(second.job().id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(second.job().id()).scheduledAt()).isEqualTo(at(5));
    assertThat(run(id).currentStep()).isEqualTo("second");
    assertThat(store().runs().runSteps(id))
        .extracting(RunStep::output)
        .containsExactly("{\"o\":1}", null);
  }

  @Test
  default void advanceIsFencedByTheAttempt() {
    String id = runId();
    Job first = startedAndClaimed(id);

    boolean applied =
        store()
            .runs()
            .advanceRun(
                RunAdvance.builder(
                        id, new Completion.Succeeded(first.id(), 2, success(2, at(1))), at(1))
                    .next(List.of(step(id, "second", 1, at(1))))
                    .build());

    assertThat(applied).isFalse();
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(store().runs().runSteps(id)).hasSize(1);
  }

  @Test
  default void advanceEndsTheRunWithItsOutput() {
    String id = runId();
    Job first = startedAndClaimed(id);

    store()
        .runs()
        .advanceRun(
            succeeded(first, id, at(1))
                .end(RunAdvance.RunEnd.completed("{\"done\":true}"))
                .build());

    WorkflowRun run = run(id);
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.output()).isEqualTo("{\"done\":true}");
    assertThat(run.completedAt()).isEqualTo(at(1));
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  default void aRetryKeepsTheRunAtTheStep() {
    String id = runId();
    Job first = startedAndClaimed(id);

    store()
        .runs()
        .advanceRun(
            RunAdvance.builder(
                    id,
                    new Completion.Retry(first.id(), 1, failure(1, at(1)), at(31), "HTTP 503"),
                    at(1))
                .build());

    Job retrying = job(first.id());
    assertThat(retrying.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(retrying.scheduledAt()).isEqualTo(at(31));
    assertThat(run(id).status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  default void aResultForARunNoLongerRunningIsIgnoredAndItsJobCancelled() {
    String id = runId();
    Job first = startedAndClaimed(id);
    assertThat(store().runs().endRun(id, RunStatus.FAILED, "{\"class\":\"timeout\"}", at(2)))
        .isTrue();

    boolean applied =
        store()
            .runs()
            .advanceRun(
                succeeded(first, id, at(3)).next(List.of(step(id, "second", 1, at(3)))).build());

    assertThat(applied).isFalse();
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(store().runs().runSteps(id)).hasSize(1);
    assertThat(run(id).error()).isEqualTo("{\"class\":\"timeout\"}");
    assertThat(store().runs().endRun(id, RunStatus.CANCELLED, null, at(4))).isFalse();
  }

  @Test
  default void endingARunCancelsItsOpenJobsAndInvalidatesItsTokens() {
    String id = runId();
    Job first = startedAndClaimed(id);
    store().runs().createCallbackToken("tok-end", id, first.id(), at(1));

    assertThat(store().runs().endRun(id, RunStatus.CANCELLED, null, at(2))).isTrue();

    assertThat(job(first.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(run(id).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(store().runs().completeCallback("tok-end", "{}", at(3))).isFalse();
  }

  @Test
  default void overdueRunsAreFoundAndAFailedRunCanBeRedriven() {
    String id = runId();
    Job first = startedAndClaimed(id);
    store().runs().endRun(runId(), RunStatus.FAILED, null, at(0)); // unknown: no effect
    String late = runId();
    startRuns(at(0), running(late, step(late, "first", 0, at(0)), at(30)));

    assertThat(store().runs().overdueRuns(at(20), 10)).isEmpty();
    assertThat(store().runs().overdueRuns(at(31), 10))
        .extracting(WorkflowRun::id)
        .containsExactly(late);
    assertThat(store().runs().redriveRun(late, step(late, "first", 0, at(31)), null, at(31)))
        .isFalse();
    store().runs().endRun(late, RunStatus.FAILED, "{\"class\":\"timeout\"}", at(31));

    NewStep again = step(late, "first", 0, at(40));
    assertThat(store().runs().redriveRun(late, again, at(100), at(40))).isTrue();

    WorkflowRun redriven = run(late);
    assertThat(redriven.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(redriven.error()).isNull();
    assertThat(redriven.deadline()).isEqualTo(at(100));
    assertThat(job(again.job().id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().runs().runSteps(late)).hasSize(2);
    assertThat(first.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  default void runsAreListedByWorkflowStatusAndEvent() {
    String a = runId();
    String b = runId();
    startRuns(at(0), running(a, step(a, "first", 0, at(0)), null));
    startRuns(at(1), RunFixtures.failedAtStart(b));

    assertThat(store().runs().runs(RunQuery.all()).items())
        .extracting(WorkflowRun::id)
        .containsExactly(a, b);
    assertThat(
            store()
                .runs()
                .runs(new RunQuery("wf", RunStatus.FAILED, null, null, null, null, null, 10, false))
                .items())
        .extracting(WorkflowRun::id)
        .containsExactly(b);
    assertThat(
            store()
                .runs()
                .runs(new RunQuery(null, null, null, null, at(1), null, null, 10, true))
                .items())
        .extracting(WorkflowRun::id)
        .containsExactly(b);
    assertThat(store().runs().countRunsByStatus())
        .containsEntry(RunStatus.RUNNING, 1L)
        .containsEntry(RunStatus.FAILED, 1L);
  }

  @Test
  default void aHandledFailureCompletesTheJobAndKeepsItsError() {
    String id = runId();
    Job first = startedAndClaimed(id);

    store()
        .runs()
        .advanceRun(
            RunAdvance.builder(
                    id, new Completion.Succeeded(first.id(), 1, failure(1, at(1))), at(1))
                .stepError("{\"class\":\"5xx\"}")
                .next(List.of(step(id, "rollback", 1, at(1))))
                .build());

    Job caught = job(first.id());
    assertThat(caught.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(caught.lastError()).isEqualTo("HTTP 503");
    assertThat(store().runs().runSteps(id).get(0).error()).isEqualTo("{\"class\":\"5xx\"}");
  }

  @Test
  default void aStepJobWithoutARequestMayCompleteWithoutAnAttemptError() {
    String id = runId();
    Job first = startedAndClaimed(id);

    store()
        .runs()
        .advanceRun(
            RunAdvance.builder(
                    id, new Completion.Succeeded(first.id(), 1, noRequest(1, at(1))), at(1))
                .end(RunAdvance.RunEnd.completed("{}"))
                .build());

    assertThat(job(first.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }
}
