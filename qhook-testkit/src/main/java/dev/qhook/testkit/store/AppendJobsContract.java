package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventJobs;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.StepRef;
import dev.qhook.spi.WorkflowRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New jobs for stored events: what a replay stores (docs/reference/http-api.md, "Replay"). */
public interface AppendJobsContract extends StoreContract {

  @Test
  default void appendedJobsBelongToTheStoredEventAndAreAvailableFromTheirCreation() {
    Event a = event(at(0));
    Event b = event(at(1));
    store().append(List.of(newEvent(a, handlerJob("h", at(0))), newEvent(b)));
    NewJob again = handlerJob("h", at(50));
    NewJob outbound = newJob(JobKind.OUTBOUND, "W1", 5, at(50), null);
    NewJob forB = handlerJob("h", at(50)).leasedUntil(at(99));

    store()
        .appendJobs(
            List.of(
                EventJobs.of(a.id(), List.of(again, outbound), at(50)),
                EventJobs.of(b.id(), List.of(forB), at(50))));

    assertThat(store().jobs(JobQuery.forEvent(a.id())).items()).hasSize(3);
    Job stored = job(again.id());
    assertThat(stored.eventId()).isEqualTo(a.id());
    assertThat(stored.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(stored.attempt()).isZero();
    assertThat(stored.createdAt()).isEqualTo(at(50));
    assertThat(stored.scheduledAt()).isEqualTo(at(50));
    assertThat(job(outbound.id()).kind()).isEqualTo(JobKind.OUTBOUND);
    assertThat(job(outbound.id()).maxAttempts()).isEqualTo(5);
    assertThat(job(forB.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(forB.id()).leaseUntil()).isNull();
  }

  @Test
  default void jobsForAnEventThatDoesNotExistAreRefusedAndNothingIsStored() {
    Event a = event(at(0));
    store().append(List.of(newEvent(a)));
    NewJob kept = handlerJob("h", at(5));

    assertThatThrownBy(
            () ->
                store()
                    .appendJobs(
                        List.of(
                            EventJobs.of(a.id(), List.of(kept), at(5)),
                            EventJobs.of("E-none", List.of(handlerJob("h", at(5))), at(5)))))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(store().job(kept.id())).isEmpty();
    store().appendJobs(List.of());
  }

  @Test
  default void appendedRunsAreStoredWithTheirFirstStepAsIngestStoresThem() {
    Event a = event(at(0));
    store().append(List.of(newEvent(a)));
    String runId = RunFixtures.runId();
    NewStep first = RunFixtures.step(runId, "first", 0, at(60));
    String failedId = RunFixtures.runId();

    store()
        .appendJobs(
            List.of(
                new EventJobs(
                    a.id(),
                    List.of(),
                    List.of(
                        RunFixtures.running(runId, first, null),
                        RunFixtures.failedAtStart(failedId)),
                    at(60))));

    WorkflowRun run = store().runs().run(runId).orElseThrow();
    assertThat(run.eventId()).isEqualTo(a.id());
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.createdAt()).isEqualTo(at(60));
    assertThat(store().runs().run(failedId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    Job step = job(first.job().id());
    assertThat(step.eventId()).isEqualTo(a.id());
    assertThat(step.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().jobs(JobQuery.forEvent(a.id())).items()).hasSize(1);
  }

  @Test
  default void aRunWhoseStepJobIdIsTakenIsRefusedWithTheRestOfTheBatch() {
    Event a = event(at(0));
    NewJob existing = handlerJob("h", at(0));
    store().append(List.of(newEvent(a, existing)));
    String runId = RunFixtures.runId();
    NewStep clashing =
        NewStep.single(
            NewJob.step(
                existing.id(), "wf/first", null, 3, at(5), new StepRef(runId, "first", 0, null)),
            "{}");
    NewJob kept = handlerJob("h", at(5));

    assertThatThrownBy(
            () ->
                store()
                    .appendJobs(
                        List.of(
                            EventJobs.of(a.id(), List.of(kept), at(5)),
                            new EventJobs(
                                a.id(),
                                List.of(),
                                List.of(RunFixtures.running(runId, clashing, null)),
                                at(5)))))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(store().job(kept.id())).isEmpty();
    assertThat(store().runs().run(runId)).isEmpty();
  }
}
