package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TTL sweep works in batches (docs/configuration.md, "Stores"): more expired jobs than one
 * batch, or one statement, can hold are all expired and reported, each once.
 */
abstract class RetentionBatchesTest extends ServerStoreTest {
  /** Events appended, each with {@link #jobsPerEvent()} jobs. */
  abstract int events();

  abstract int jobsPerEvent();

  @Test
  void theTtlSweepExpiresMoreJobsThanOneBatchHolds() {
    List<String> ids = new ArrayList<>();
    List<NewEvent> events = new ArrayList<>();
    for (int e = 0; e < events(); e++) {
      List<NewJob> jobs = new ArrayList<>();
      for (int j = 0; j < jobsPerEvent(); j++) {
        NewJob job = handlerJob("h", at(0));
        jobs.add(job);
        ids.add(job.id());
      }
      events.add(new NewEvent(event(at(0)), jobs));
    }
    store.append(events);

    List<Job> expired = store.expireJobs(at(100), at(600));

    assertThat(expired).extracting(Job::id).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(expired).allSatisfy(j -> assertThat(j.lastError()).isEqualTo(LostJobs.TTL_EXPIRED));
    assertThat(store.countJobsByStatus()).containsEntry(JobStatus.DEAD, (long) ids.size());
  }
}
