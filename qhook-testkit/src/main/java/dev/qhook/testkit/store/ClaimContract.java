package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.LEASE;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.claimWithLimits;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code claim}: due jobs only, oldest first, leased, with limits and ordering keys. */
public interface ClaimContract extends StoreContract {

  @Test
  default void claimTakesOnlyDueJobs() {
    Job due = appendJob("h", at(0));
    appendJob("h", at(10));

    List<ClaimedJob> claimed = store().claim(claimAll(at(0), 10));

    assertThat(claimed).extracting(c -> c.job().id()).containsExactly(due.id());
  }

  @Test
  default void claimMarksTheJobRunningCountsTheAttemptAndLeasesIt() {
    Job job = appendJob("h", at(0));

    ClaimedJob claimed = store().claim(claimAll(at(3), 1)).get(0);

    Job running = job(job.id());
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.attempt()).isEqualTo(1);
    assertThat(running.startedAt()).isEqualTo(at(3));
    assertThat(running.leaseUntil()).isEqualTo(at(3).plus(LEASE));
    assertThat(claimed.job()).isEqualTo(running);
    assertThat(claimed.event().id()).isEqualTo(job.eventId());
    assertThat(claimed.event().payload()).isEqualTo(store().event(job.eventId()).get().payload());
  }

  @Test
  default void claimTakesTheOldestScheduledFirstUpToTheLimit() {
    Job second = appendJob("h", at(2));
    Job first = appendJob("h", at(1));
    appendJob("h", at(3));

    List<ClaimedJob> claimed = store().claim(claimAll(at(5), 2));

    assertThat(claimed).extracting(c -> c.job().id()).containsExactly(first.id(), second.id());
  }

  @Test
  default void aClaimedJobIsNotClaimedAgain() {
    appendJob("h", at(0));
    claimOne(at(0));
    assertThat(store().claim(claimAll(at(1), 10))).isEmpty();
  }

  @Test
  default void aRetryableJobIsClaimedWhenItIsDueAgain() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    store()
        .complete(
            List.of(new Completion.Retry(job.id(), 1, failure(1, at(0)), at(30), "HTTP 503")));

    assertThat(store().claim(claimAll(at(29), 10))).isEmpty();
    Job again = claimOne(at(30));
    assertThat(again.attempt()).isEqualTo(2);
  }

  @Test
  default void claimTakesOnlyTheRequestedKinds() {
    List<Job> jobs =
        appendJobs(
            at(0),
            newJob(JobKind.HANDLER, "h", 3, at(0), null),
            newJob(JobKind.QUEUE, "q", 3, at(0), null));
    ClaimRequest queuesOnly = new ClaimRequest(at(0), 10, at(60), Set.of(JobKind.QUEUE), Map.of());

    assertThat(store().claim(queuesOnly))
        .extracting(c -> c.job().id())
        .containsExactly(jobs.get(1).id());
  }

  @Test
  default void concurrencyLimitsCapRunningJobsPerTarget() {
    Job a1 = appendJob("a", at(0));
    appendJob("a", at(1));
    appendJob("a", at(2));
    appendJob("b", at(3));
    appendJob("b", at(4));
    Map<String, Integer> limits = Map.of("a", 2);

    List<ClaimedJob> first = store().claim(claimWithLimits(at(10), 10, limits));
    assertThat(first).extracting(c -> c.job().target()).containsExactly("a", "a", "b", "b");

    assertThat(store().claim(claimWithLimits(at(11), 10, limits))).isEmpty();

    store().complete(List.of(new Completion.Succeeded(a1.id(), 1, success(1, at(12)))));
    assertThat(store().claim(claimWithLimits(at(13), 10, limits)))
        .extracting(c -> c.job().target())
        .containsExactly("a");
  }

  @Test
  default void jobsOfOneOrderingKeyRunOneAtATime() {
    Job head = appendJobs(at(0), newJob(JobKind.HANDLER, "h", 3, at(0), "k")).get(0);
    Job next = appendJobs(at(1), newJob(JobKind.HANDLER, "h", 3, at(1), "k")).get(0);
    Job other = appendJobs(at(2), newJob(JobKind.HANDLER, "h", 3, at(2), "other")).get(0);

    assertThat(store().claim(claimAll(at(5), 10)))
        .extracting(c -> c.job().id())
        .containsExactly(head.id(), other.id());

    store()
        .complete(
            List.of(new Completion.Retry(head.id(), 1, failure(1, at(5)), at(60), "HTTP 503")));
    assertThat(store().claim(claimAll(at(6), 10))).as("a retrying head blocks its key").isEmpty();

    assertThat(claimOne(at(60)).id()).isEqualTo(head.id());
    store().complete(List.of(new Completion.Succeeded(head.id(), 2, success(2, at(61)))));
    assertThat(claimOne(at(62)).id()).isEqualTo(next.id());
  }

  @Test
  default void theSameKeyOfAnotherTargetDoesNotBlock() {
    appendJobs(
        at(0),
        newJob(JobKind.HANDLER, "h", 3, at(0), "k"),
        newJob(JobKind.HANDLER, "g", 3, at(0), "k"));

    assertThat(store().claim(claimAll(at(0), 10))).hasSize(2);
  }

  @Test
  default void aDeadHeadUnblocksItsKey() {
    Job head = appendJobs(at(0), newJob(JobKind.HANDLER, "h", 3, at(0), "k")).get(0);
    Job next = appendJobs(at(1), newJob(JobKind.HANDLER, "h", 3, at(1), "k")).get(0);
    claimOne(at(1));

    store().complete(List.of(new Completion.Dead(head.id(), 1, failure(1, at(2)), "HTTP 400")));

    assertThat(claimOne(at(3)).id()).isEqualTo(next.id());
  }

  @Test
  default void aRetriedDeadHeadWaitsWhileItsSuccessorRuns() {
    Job head = appendJobs(at(0), newJob(JobKind.HANDLER, "h", 3, at(0), "k")).get(0);
    Job next = appendJobs(at(1), newJob(JobKind.HANDLER, "h", 3, at(1), "k")).get(0);
    claimOne(at(1));
    store().complete(List.of(new Completion.Dead(head.id(), 1, failure(1, at(2)), "HTTP 400")));
    assertThat(claimOne(at(3)).id()).isEqualTo(next.id());

    assertThat(store().retry(head.id(), at(4))).isTrue();

    assertThat(store().claim(claimAll(at(5), 10)))
        .as("one job of a key at a time, even for an older one")
        .isEmpty();
    store().complete(List.of(new Completion.Succeeded(next.id(), 1, success(1, at(6)))));
    assertThat(claimOne(at(7)).id()).isEqualTo(head.id());
  }

  @Test
  default void claimWithNothingDueReturnsNothing() {
    assertThat(store().claim(claimAll(at(0), 5))).isEmpty();
    appendJob("h", at(100));
    assertThat(store().claim(claimAll(at(0), 5))).isEmpty();
  }
}
