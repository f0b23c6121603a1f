package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.LEASE;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code append}: events with their jobs, atomically, with duplicate detection. */
public interface AppendContract extends StoreContract {

  @Test
  default void appendStoresTheEventWithAllItsJobs() {
    Event event = event("app", "order.created", "key-1", at(0));
    NewJob handler = newJob(JobKind.HANDLER, "billing", 5, at(0), null);
    NewJob queue = newJob(JobKind.QUEUE, "orders", 3, at(0), "customer-7");
    NewJob outbound = newJob(JobKind.OUTBOUND, "ep_1", 4, at(10), null);

    List<AppendResult> results = store().append(List.of(newEvent(event, handler, queue, outbound)));

    assertThat(results).containsExactly(new AppendResult.Stored(event.id(), 3));
    Event stored = store().event(event.id()).orElseThrow();
    assertThat(stored).usingRecursiveComparison().ignoringFields("payload").isEqualTo(event);
    assertThat(stored.payload()).isEqualTo(event.payload());
    assertThat(stored.contentType()).isEqualTo("application/json");

    List<Job> jobs = store().jobs(JobQuery.forEvent(event.id())).items();
    assertThat(jobs).extracting(Job::id).containsExactly(handler.id(), queue.id(), outbound.id());
    Job q = job(queue.id());
    assertThat(q.eventId()).isEqualTo(event.id());
    assertThat(q.kind()).isEqualTo(JobKind.QUEUE);
    assertThat(q.target()).isEqualTo("orders");
    assertThat(q.url()).isNull();
    assertThat(q.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(q.attempt()).isZero();
    assertThat(q.maxAttempts()).isEqualTo(3);
    assertThat(q.scheduledAt()).isEqualTo(at(0));
    assertThat(q.createdAt()).isEqualTo(at(0));
    assertThat(q.orderingKey()).isEqualTo("customer-7");
    assertThat(q.startedAt()).isNull();
    assertThat(q.completedAt()).isNull();
    assertThat(q.leaseUntil()).isNull();
    assertThat(q.lastError()).isNull();
    assertThat(job(outbound.id()).url()).isEqualTo("http://localhost:9/ep_1");
    assertThat(job(outbound.id()).scheduledAt()).isEqualTo(at(10));
  }

  @Test
  default void anEventWithoutJobsIsStored() {
    Event event = event(at(0));
    assertThat(store().append(List.of(newEvent(event))))
        .containsExactly(new AppendResult.Stored(event.id(), 0));
    assertThat(store().event(event.id())).isPresent();
  }

  @Test
  default void appendingNothingReturnsNothing() {
    assertThat(store().append(List.of())).isEmpty();
  }

  @Test
  default void aDuplicateKeyReturnsTheOriginalIdAndCreatesNoJobs() {
    Event original = event("app", "order.created", "key-1", at(0));
    Event again = event("app", "order.created", "key-1", at(5));
    store().append(List.of(newEvent(original, handlerJob("billing", at(0)))));

    List<AppendResult> results =
        store().append(List.of(newEvent(again, handlerJob("billing", at(5)))));

    assertThat(results).containsExactly(new AppendResult.Duplicate(original.id()));
    assertThat(store().event(again.id())).isEmpty();
    assertThat(store().jobs(JobQuery.all()).items()).hasSize(1);
  }

  @Test
  default void keysAreUniquePerSourceOnly() {
    Event first = event("app", "order.created", "key-1", at(0));
    Event otherSource = event("stripe", "order.created", "key-1", at(0));

    List<AppendResult> results = store().append(List.of(newEvent(first), newEvent(otherSource)));

    assertThat(results)
        .containsExactly(
            new AppendResult.Stored(first.id(), 0), new AppendResult.Stored(otherSource.id(), 0));
  }

  @Test
  default void eventsWithoutKeyAreNeverDuplicates() {
    Event a = event(at(0));
    Event b = event(at(0));
    assertThat(store().append(List.of(newEvent(a), newEvent(b))))
        .allMatch(r -> r instanceof AppendResult.Stored);
  }

  @Test
  default void aDuplicateInsideOneBatchIsReportedAgainstTheEarlierEvent() {
    Event first = event("app", "t", "same", at(0));
    Event duplicate = event("app", "t", "same", at(0));
    Event unrelated = event("app", "t", null, at(0));

    List<AppendResult> results =
        store()
            .append(
                List.of(
                    newEvent(first, handlerJob("h", at(0))),
                    newEvent(duplicate, handlerJob("h", at(0))),
                    newEvent(unrelated, handlerJob("h", at(0)), handlerJob("g", at(0)))));

    assertThat(results)
        .containsExactly(
            new AppendResult.Stored(first.id(), 1),
            new AppendResult.Duplicate(first.id()),
            new AppendResult.Stored(unrelated.id(), 2));
    assertThat(store().jobs(JobQuery.all()).items()).hasSize(3);
  }

  @Test
  default void aKeyTakenEarlierAndRepeatedInTheBatchIsTwiceTheOriginal() {
    Event original = event("app", "t", "taken", at(0));
    store().append(List.of(newEvent(original, handlerJob("h", at(0)))));
    Event fresh = event("app", "t", "fresh", at(1));
    Event again = event("app", "t", "taken", at(1));
    Event freshAgain = event("app", "t", "fresh", at(1));
    Event onceMore = event("app", "t", "taken", at(1));

    List<AppendResult> results =
        store()
            .append(
                List.of(
                    newEvent(again, handlerJob("h", at(1))),
                    newEvent(fresh, handlerJob("h", at(1))),
                    newEvent(freshAgain, handlerJob("h", at(1))),
                    newEvent(onceMore, handlerJob("h", at(1)))));

    assertThat(results)
        .containsExactly(
            new AppendResult.Duplicate(original.id()),
            new AppendResult.Stored(fresh.id(), 1),
            new AppendResult.Duplicate(fresh.id()),
            new AppendResult.Duplicate(original.id()));
    assertThat(store().jobs(JobQuery.all()).items()).hasSize(2);
  }

  @Test
  default void resultsFollowTheOrderOfTheList() {
    Event plain = event("app", "t", null, at(0));
    Event b = event("app", "t", "b", at(0));
    Event a = event("app", "t", "a", at(0));
    Event aAgain = event("app", "t", "a", at(0));

    List<AppendResult> results =
        store()
            .append(
                List.of(
                    newEvent(plain),
                    newEvent(b, handlerJob("h", at(0))),
                    newEvent(a),
                    newEvent(aAgain)));

    assertThat(results)
        .containsExactly(
            new AppendResult.Stored(plain.id(), 0),
            new AppendResult.Stored(b.id(), 1),
            new AppendResult.Stored(a.id(), 0),
            new AppendResult.Duplicate(a.id()));
  }

  /**
   * A value the database refuses (here a job id used twice, a primary key violation) is a {@link
   * StoreRefusedException}: the engine then fails only the event that carries it and keeps the
   * database healthy (docs/configuration.md, "Stores").
   */
  @Test
  default void aBatchWithARefusedValueFailsAsRefusedAndStoresNothing() {
    NewJob job = handlerJob("h", at(0));
    Event first = event(at(0));
    Event second = event(at(0));

    assertThatThrownBy(() -> store().append(List.of(newEvent(first, job), newEvent(second, job))))
        .isInstanceOf(StoreRefusedException.class)
        .satisfies(e -> assertThat(((StoreRefusedException) e).reason()).isNotBlank());

    assertThat(store().event(first.id())).isEmpty();
    assertThat(store().event(second.id())).isEmpty();
    assertThat(store().jobs(JobQuery.all()).items()).isEmpty();
  }

  @Test
  default void aJobLeasedAtAppendIsRunningAndNotClaimable() {
    NewJob leased = handlerJob("h", at(0)).leasedUntil(at(0).plus(LEASE));
    NewJob plain = handlerJob("h", at(0));
    appendJobs(at(0), leased, plain);

    Job running = job(leased.id());
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.attempt()).isEqualTo(1);
    assertThat(running.startedAt()).isEqualTo(at(0));
    assertThat(running.leaseUntil()).isEqualTo(at(0).plus(LEASE));
    assertThat(store().claim(claimAll(at(1), 10)))
        .extracting(c -> c.job().id())
        .containsExactly(plain.id());
  }

  @Test
  default void aJobLeasedAtAppendCompletesAndIsRecoveredLikeAClaimedOne() {
    NewJob done = handlerJob("h", at(0)).leasedUntil(at(0).plus(LEASE));
    NewJob lost = handlerJob("h", at(0)).leasedUntil(at(0).plus(LEASE));
    appendJobs(at(0), done, lost);

    store().complete(List.of(new Completion.Succeeded(done.id(), 1, success(1, at(1)))));
    store().recoverLost(at(0).plus(LEASE).plusSeconds(1), Instant.EPOCH);

    assertThat(job(done.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job(lost.id()).status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(job(lost.id()).attempt()).as("the lost try counts").isEqualTo(1);
  }
}
