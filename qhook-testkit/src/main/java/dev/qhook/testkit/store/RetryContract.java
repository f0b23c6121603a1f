package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Manual retries of dead and retrying jobs (docs/reference/http-api.md, "POST
 * /api/jobs/{id}/retry", "POST /api/jobs/retry").
 */
public interface RetryContract extends StoreContract {

  @Test
  default void retryMakesADeadJobAvailableNowWithItsAttemptsReset() {
    Job job = deadJob(JobKind.HANDLER, "h", at(0));

    assertThat(store().retry(job.id(), at(100))).isTrue();

    Job retried = job(job.id());
    assertThat(retried.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(retried.attempt()).isZero();
    assertThat(retried.scheduledAt()).isEqualTo(at(100));
    assertThat(retried.lastError()).isNull();
    assertThat(retried.completedAt()).isNull();
    assertThat(retried.id()).isEqualTo(job.id());
    assertThat(claimOne(at(100)).attempt()).isEqualTo(1);
  }

  @Test
  default void retryMakesARetryingJobDueNow() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    store()
        .complete(
            List.of(new Completion.Retry(job.id(), 1, failure(1, at(1)), at(900), "HTTP 503")));

    assertThat(store().retry(job.id(), at(2))).isTrue();

    assertThat(job(job.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(job.id()).scheduledAt()).isEqualTo(at(2));
  }

  @Test
  default void retryRefusesJobsInOtherStatesAndUnknownJobs() {
    Job running = appendJob("h", at(0));
    Job available = appendJob("h", at(1));
    store().claim(claimAll(at(1), 1));

    assertThat(store().retry(available.id(), at(1))).isFalse();
    assertThat(store().retry(running.id(), at(1))).isFalse();
    assertThat(store().retry("J-unknown", at(1))).isFalse();
    assertThat(job(running.id()).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  default void retryRefusesQueueMessagesAndWorkflowSteps() {
    Job message = deadJob(JobKind.QUEUE, "q", at(0));
    Job step = deadJob(JobKind.WORKFLOW_STEP, "flow/step", at(0));

    assertThat(store().retry(message.id(), at(1))).isFalse();
    assertThat(store().retry(step.id(), at(1))).isFalse();
    assertThat(job(message.id()).status()).isEqualTo(JobStatus.DEAD);
  }

  @Test
  default void retryDeadRetriesTheMatchingDeadHandlerAndOutboundJobs() {
    Job a1 = deadJob(JobKind.HANDLER, "a", at(0));
    Job a2 = deadJob(JobKind.OUTBOUND, "a", at(10));
    Job b = deadJob(JobKind.HANDLER, "b", at(20));
    Job queue = deadJob(JobKind.QUEUE, "a", at(30));

    int retried =
        store().retryDead(new JobQuery(null, "a", null, null, null, null, 50, false), at(100));

    assertThat(retried).isEqualTo(2);
    assertThat(List.of(a1, a2, b, queue))
        .extracting(j -> job(j.id()).status())
        .containsExactly(JobStatus.AVAILABLE, JobStatus.AVAILABLE, JobStatus.DEAD, JobStatus.DEAD);
  }

  @Test
  default void retryDeadHonoursTheTimeWindowAndIgnoresOtherStatuses() {
    deadJob(JobKind.HANDLER, "a", at(0));
    Job inside = deadJob(JobKind.HANDLER, "a", at(10));
    deadJob(JobKind.HANDLER, "a", at(20));
    appendJob("a", at(10));

    int retried =
        store().retryDead(new JobQuery(null, null, null, at(10), at(20), null, 50, false), at(100));

    assertThat(retried).isEqualTo(1);
    assertThat(job(inside.id()).status()).isEqualTo(JobStatus.AVAILABLE);
  }

  /** A job of the given kind created at {@code createdAt}, claimed and failed for good. */
  private Job deadJob(JobKind kind, String target, Instant createdAt) {
    Job job = appendJobs(createdAt, newJob(kind, target, 3, createdAt, null)).get(0);
    Job claimed = claimOne(createdAt);
    assertThat(claimed.id()).isEqualTo(job.id());
    store().complete(List.of(new Completion.Dead(job.id(), 1, failure(1, createdAt), "HTTP 400")));
    return job(job.id());
  }
}
