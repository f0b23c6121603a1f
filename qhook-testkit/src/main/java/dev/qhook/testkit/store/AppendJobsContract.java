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
                new EventJobs(a.id(), List.of(again, outbound)),
                new EventJobs(b.id(), List.of(forB))));

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
                            new EventJobs(a.id(), List.of(kept)),
                            new EventJobs("E-none", List.of(handlerJob("h", at(5)))))))
        .isInstanceOf(StoreRefusedException.class);
    assertThat(store().job(kept.id())).isEmpty();
    store().appendJobs(List.of());
  }
}
