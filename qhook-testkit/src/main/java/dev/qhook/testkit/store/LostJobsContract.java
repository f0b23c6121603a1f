package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.LEASE;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code recoverLost}: running jobs whose worker vanished ({@code worker.stale_threshold_secs},
 * docs/reference/configuration.md, "worker").
 */
public interface LostJobsContract extends StoreContract {
  Instant LONG_AGO = Instant.EPOCH;

  @Test
  default void aLapsedLeaseMakesTheJobRetryableAndDueNow() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    Instant now = at(0).plus(LEASE).plusSeconds(1);

    LostJobs lost = store().recoverLost(now, LONG_AGO);

    assertThat(lost.requeued()).isEqualTo(1);
    assertThat(lost.dead()).isEmpty();
    Job requeued = job(job.id());
    assertThat(requeued.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(requeued.scheduledAt()).isEqualTo(now);
    assertThat(requeued.lastError()).isEqualTo(LostJobs.ATTEMPT_LOST);
    assertThat(requeued.leaseUntil()).isNull();
    assertThat(store().attempts(job.id()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.attempt()).isEqualTo(1);
              assertThat(a.error()).isEqualTo(LostJobs.ATTEMPT_LOST);
              assertThat(a.statusCode()).isNull();
            });
    assertThat(claimOne(now).attempt()).as("the lost try counts").isEqualTo(2);
  }

  @Test
  default void aLapsedFinalAttemptGoesDead() {
    Job job = appendJobs(at(0), newJob(JobKind.HANDLER, "h", 1, at(0), null)).get(0);
    claimOne(at(0));
    Instant now = at(0).plus(LEASE).plusSeconds(1);

    LostJobs lost = store().recoverLost(now, LONG_AGO);

    assertThat(lost.requeued()).isZero();
    assertThat(lost.dead()).extracting(Job::id).containsExactly(job.id());
    Job dead = job(job.id());
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.lastError()).isEqualTo(LostJobs.FINAL_ATTEMPT_LOST);
    assertThat(dead.completedAt()).isEqualTo(now);
    assertThat(lost.dead().get(0)).isEqualTo(dead);
  }

  @Test
  default void aLiveLeaseIsLeftAlone() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    LostJobs lost = store().recoverLost(at(10), LONG_AGO);

    assertThat(lost.requeued()).isZero();
    assertThat(lost.dead()).isEmpty();
    assertThat(job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  default void aJobRunningSinceBeforeTheStaleThresholdIsRecoveredDespiteItsLease() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    LostJobs lost = store().recoverLost(at(10), at(5));

    assertThat(lost.requeued()).isEqualTo(1);
    assertThat(job(job.id()).status()).isEqualTo(JobStatus.RETRYABLE);
  }

  /**
   * A job claimed ahead may wait before its worker starts it: the stale threshold counts from the
   * start the worker records (docs/architecture.md, "Storing and delivering").
   */
  @Test
  default void theStaleThresholdCountsFromTheRecordedStartOfTheAttempt() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    store().markStarted(job.id(), 1, at(50));

    assertThat(job(job.id()).startedAt()).isEqualTo(at(50));
    assertThat(store().recoverLost(at(60), at(40)).requeued()).as("started at 50").isZero();
    assertThat(job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(store().recoverLost(at(60), at(55)).requeued()).isEqualTo(1);
    assertThat(store().attempts(job.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.createdAt()).isEqualTo(at(50)));
  }

  @Test
  default void markStartedIgnoresOtherAttemptsAndJobsThatAreNotRunning() {
    Job job = appendJob("h", at(0));
    Job waiting = appendJob("h", at(100));
    claimOne(at(0));

    store().markStarted(job.id(), 2, at(50));
    store().markStarted(waiting.id(), 0, at(50));
    store().markStarted("unknown", 1, at(50));

    assertThat(job(job.id()).startedAt()).isEqualTo(at(0));
    assertThat(job(waiting.id()).startedAt()).isNull();
  }

  @Test
  default void startedBeforeTheEndOfTimeRecoversEveryRunningJob() {
    Job first = appendJob("h", at(0));
    Job second = appendJob("h", at(0));
    store().claim(StoreFixtures.claimAll(at(0), 2));

    LostJobs lost = store().recoverLost(at(1), Instant.MAX);

    assertThat(lost.requeued()).as("what a single-instance store does at start").isEqualTo(2);
    assertThat(List.of(first, second))
        .extracting(j -> job(j.id()).status())
        .containsOnly(JobStatus.RETRYABLE);
  }

  @Test
  default void jobsThatAreNotRunningAreNeverRecovered() {
    Job job = appendJob("h", at(0));

    LostJobs lost = store().recoverLost(at(1000), at(1000));

    assertThat(lost.requeued()).isZero();
    assertThat(job(job.id()).status()).isEqualTo(JobStatus.AVAILABLE);
  }

  @Test
  default void aCompletionFromTheLostWorkerIsIgnoredAfterRecovery() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    store().recoverLost(at(100), LONG_AGO);
    claimOne(at(100));

    store()
        .complete(
            List.of(new Completion.Succeeded(job.id(), 1, StoreFixtures.success(1, at(101)))));

    Job current = job(job.id());
    assertThat(current.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(current.attempt()).isEqualTo(2);
  }
}
