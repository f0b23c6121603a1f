package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.NewJob;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cleanup (docs/reference/configuration.md, "worker", "retention"), health and schema upkeep. */
public interface RetentionContract extends StoreContract {

  @Test
  default void deleteFinishedJobsRemovesOldCompletedAndDeadJobsWithTheirAttempts() {
    Job completed = appendJob("h", at(0));
    Job dead = appendJob("h", at(0));
    Job recent = appendJob("h", at(0));
    Job open = appendJob("h", at(0));
    store().claim(StoreFixtures.claimAll(at(0), 3));
    store()
        .complete(
            List.of(
                new Completion.Succeeded(completed.id(), 1, success(1, at(10))),
                new Completion.Dead(dead.id(), 1, failure(1, at(20)), "HTTP 400"),
                new Completion.Succeeded(recent.id(), 1, success(1, at(200)))));

    int deleted = store().deleteFinishedJobs(at(100));

    assertThat(deleted).isEqualTo(2);
    assertThat(store().job(completed.id())).isEmpty();
    assertThat(store().job(dead.id())).isEmpty();
    assertThat(store().attempts(completed.id())).isEmpty();
    assertThat(store().job(recent.id())).isPresent();
    assertThat(store().attempts(recent.id())).hasSize(1);
    assertThat(store().job(open.id())).get().extracting(Job::status).isEqualTo(JobStatus.AVAILABLE);
  }

  @Test
  default void deleteEventsKeepsEventsWithOpenJobsAndRecentEvents() {
    Job finished = appendJob("h", at(0));
    Job open = appendJob("h", at(0));
    Job recent = appendJob("h", at(500));
    claimOne(at(0));
    store().complete(List.of(new Completion.Succeeded(finished.id(), 1, success(1, at(1)))));
    claimOne(at(500));

    int deleted = store().deleteEvents(at(100));

    assertThat(deleted).isEqualTo(1);
    assertThat(store().event(finished.eventId())).isEmpty();
    assertThat(store().event(open.eventId())).isPresent();
    assertThat(store().event(recent.eventId())).isPresent();
    assertThat(store().jobs(JobQuery.forEvent(finished.eventId())).items()).isEmpty();
    assertThat(store().events(EventQuery.all()).items()).hasSize(2);
  }

  @Test
  default void expireJobsKillsOnlyUndeliveredOldNonWorkflowJobs() {
    Job oldClaimed = appendJob("h", at(0));
    Job oldWaiting = appendJob("h", at(0));
    Job oldStep =
        appendJobs(at(0), StoreFixtures.newJob(JobKind.WORKFLOW_STEP, "wf/step", 3, at(0), null))
            .get(0);
    Job young = appendJob("h", at(500));
    Job running = claimOne(at(0));

    List<Job> expired = store().expireJobs(at(100), at(600));

    assertThat(running.id()).as("the oldest due job is claimed first").isEqualTo(oldClaimed.id());
    assertThat(expired).extracting(Job::id).containsExactly(oldWaiting.id());
    Job dead = job(oldWaiting.id());
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.lastError()).isEqualTo(LostJobs.TTL_EXPIRED);
    assertThat(dead.completedAt()).isEqualTo(at(600));
    assertThat(job(oldStep.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(young.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(running.id()).status()).as("running jobs finish").isEqualTo(JobStatus.RUNNING);
  }

  /**
   * The TTL sweep and cleanup go in batches (docs/configuration.md, "Stores"); however a store cuts
   * them, every row past the cutoff is handled and reported once.
   */
  @Test
  default void sweepAndCleanupHandleMoreJobsThanOneBatch() {
    int count = 2_500;
    NewJob[] jobs = new NewJob[count];
    for (int i = 0; i < count; i++) {
      jobs[i] = StoreFixtures.handlerJob("h", at(0));
    }
    Event event = StoreFixtures.event(at(0));
    store().append(List.of(StoreFixtures.newEvent(event, jobs)));

    List<Job> expired = store().expireJobs(at(100), at(600));

    assertThat(expired).hasSize(count);
    assertThat(expired).extracting(Job::id).doesNotHaveDuplicates();
    assertThat(store().expireJobs(at(100), at(601))).isEmpty();
    assertThat(store().deleteFinishedJobs(at(700))).isEqualTo(count);
    assertThat(store().countJobsByStatus().getOrDefault(JobStatus.DEAD, 0L)).isZero();
    assertThat(store().deleteEvents(at(700))).isEqualTo(1);
    assertThat(store().event(event.id())).isEmpty();
  }

  @Test
  default void pingAnswers() {
    assertThat(store().ping()).isTrue();
  }

  @Test
  default void migrateAgainKeepsTheData() {
    Job job = appendJob("h", at(0));

    store().migrate();

    assertThat(store().job(job.id())).isPresent();
  }
}
