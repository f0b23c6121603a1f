package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Store;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The base of every contract part: the store under test, fresh and migrated for each test. */
public interface StoreContract {

  /** The store under test. */
  Store store();

  /** Appends one event with the given jobs and returns the jobs as stored. */
  default List<Job> appendJobs(Instant createdAt, NewJob... jobs) {
    List<AppendResult> results = store().append(List.of(newEvent(event(createdAt), jobs)));
    assertThat(results).singleElement().isInstanceOf(AppendResult.Stored.class);
    return List.of(jobs).stream().map(j -> job(j.id())).toList();
  }

  /** Appends one event with one handler job for {@code target}, due at {@code scheduledAt}. */
  default Job appendJob(String target, Instant scheduledAt) {
    return appendJobs(scheduledAt, handlerJob(target, scheduledAt)).get(0);
  }

  /** Appends one event with one message of {@code queue} (3 deliveries), due when created. */
  default Job appendMessage(String queue, Instant createdAt, @Nullable String orderingKey) {
    return appendJobs(createdAt, StoreFixtures.queueMessage(queue, 3, createdAt, orderingKey))
        .get(0);
  }

  /** Receives up to {@code batch} messages of {@code queue} at {@code now}, leased for 30 s. */
  default List<Job> receive(String queue, Instant now, int batch) {
    return store().claim(ClaimRequest.queue(queue, now, batch, now.plusSeconds(30))).stream()
        .map(ClaimedJob::job)
        .toList();
  }

  /** Claims exactly one job at {@code now}. */
  default Job claimOne(Instant now) {
    List<ClaimedJob> claimed = store().claim(claimAll(now, 1));
    assertThat(claimed).hasSize(1);
    return claimed.get(0).job();
  }

  default Job job(String id) {
    return store().job(id).orElseThrow(() -> new AssertionError("no job " + id));
  }
}
