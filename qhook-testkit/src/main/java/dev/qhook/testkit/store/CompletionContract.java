package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code complete} and {@code extendLeases}. Completions are fenced by job id and attempt number.
 * The finishing time of a completion with an attempt record is the end of that attempt ({@code
 * createdAt + durationMs}).
 */
public interface CompletionContract extends StoreContract {

  @Test
  default void succeededCompletesTheJobAndRecordsTheAttempt() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    AttemptRecord record = success(1, at(1));

    store().complete(List.of(new Completion.Succeeded(job.id(), 1, record)));

    Job done = job(job.id());
    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(done.completedAt()).isEqualTo(at(1).plusMillis(record.durationMs()));
    assertThat(done.leaseUntil()).isNull();
    assertThat(store().attempts(job.id())).containsExactly(record);
  }

  @Test
  default void retryReschedulesTheJobWithItsError() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    AttemptRecord record = failure(1, at(1));

    store().complete(List.of(new Completion.Retry(job.id(), 1, record, at(31), "HTTP 503")));

    Job retrying = job(job.id());
    assertThat(retrying.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(retrying.scheduledAt()).isEqualTo(at(31));
    assertThat(retrying.lastError()).isEqualTo("HTTP 503");
    assertThat(retrying.attempt()).isEqualTo(1);
    assertThat(retrying.leaseUntil()).isNull();
    assertThat(retrying.completedAt()).isNull();
    assertThat(store().attempts(job.id())).containsExactly(record);
  }

  @Test
  default void deadKeepsTheErrorAndTheFinishingTime() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    AttemptRecord record = failure(1, at(2));

    store().complete(List.of(new Completion.Dead(job.id(), 1, record, "HTTP 400")));

    Job dead = job(job.id());
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.lastError()).isEqualTo("HTTP 400");
    assertThat(dead.completedAt()).isEqualTo(at(2).plusMillis(record.durationMs()));
    assertThat(store().attempts(job.id())).containsExactly(record);
  }

  @Test
  default void deadWithoutARequestRecordsNoAttempt() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    store().complete(List.of(new Completion.Dead(job.id(), 1, null, "event TTL expired")));

    Job dead = job(job.id());
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.completedAt()).isNotNull();
    assertThat(store().attempts(job.id())).isEmpty();
  }

  @Test
  default void releasedGivesTheAttemptBack() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    store().complete(List.of(new Completion.Released(job.id(), 1, at(5), "circuit breaker open")));

    Job released = job(job.id());
    assertThat(released.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(released.attempt()).isZero();
    assertThat(released.scheduledAt()).isEqualTo(at(5));
    assertThat(released.lastError()).isEqualTo("circuit breaker open");
    assertThat(released.leaseUntil()).isNull();
    assertThat(store().attempts(job.id())).isEmpty();
    assertThat(claimOne(at(5)).attempt()).isEqualTo(1);
  }

  @Test
  default void aCompletionForAnotherAttemptIsIgnored() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));

    store().complete(List.of(new Completion.Succeeded(job.id(), 2, success(2, at(1)))));

    assertThat(job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(store().attempts(job.id())).isEmpty();
  }

  @Test
  default void aCompletionForAJobNoLongerRunningIsIgnored() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    store()
        .complete(List.of(new Completion.Retry(job.id(), 1, failure(1, at(1)), at(9), "HTTP 503")));

    store().complete(List.of(new Completion.Succeeded(job.id(), 1, success(1, at(2)))));
    store().complete(List.of(new Completion.Released(job.id(), 1, at(3), "late")));

    Job retrying = job(job.id());
    assertThat(retrying.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(retrying.attempt()).isEqualTo(1);
    assertThat(retrying.scheduledAt()).isEqualTo(at(9));
    assertThat(store().attempts(job.id())).hasSize(1);
  }

  @Test
  default void aCompletionOfAnUnknownJobIsIgnored() {
    store().complete(List.of(new Completion.Succeeded("nope", 1, success(1, at(0)))));
    assertThat(store().job("nope")).isEmpty();
  }

  @Test
  default void manyCompletionsApplyInOneCall() {
    Job a = appendJob("h", at(0));
    Job b = appendJob("h", at(0));
    Job c = appendJob("h", at(0));
    store().claim(StoreFixtures.claimAll(at(0), 3));

    store()
        .complete(
            List.of(
                new Completion.Succeeded(a.id(), 1, success(1, at(1))),
                new Completion.Retry(b.id(), 1, failure(1, at(1)), at(10), "HTTP 500"),
                new Completion.Dead(c.id(), 1, failure(1, at(1)), "HTTP 404")));

    assertThat(List.of(a, b, c))
        .extracting(j -> job(j.id()).status())
        .containsExactly(JobStatus.COMPLETED, JobStatus.RETRYABLE, JobStatus.DEAD);
  }

  @Test
  default void inOneCallOnlyTheFencedInCompletionsApplyAndRecordAttempts() {
    Job a = appendJob("h", at(0));
    Job b = appendJob("h", at(0));
    Job c = appendJob("h", at(0));
    Job d = appendJob("h", at(0));
    store().claim(StoreFixtures.claimAll(at(0), 4));

    store()
        .complete(
            List.of(
                new Completion.Retry(d.id(), 1, failure(1, at(1)), at(10), "HTTP 500"),
                new Completion.Succeeded(a.id(), 2, success(2, at(1))),
                new Completion.Released(c.id(), 1, at(5), "shutdown"),
                new Completion.Succeeded(b.id(), 1, success(1, at(1))),
                new Completion.Dead(a.id(), 7, failure(7, at(1)), "stale"),
                new Completion.Succeeded(d.id(), 1, success(1, at(2)))));

    assertThat(List.of(a, b, c, d))
        .extracting(j -> job(j.id()).status())
        .containsExactly(
            JobStatus.RUNNING, JobStatus.COMPLETED, JobStatus.RETRYABLE, JobStatus.RETRYABLE);
    assertThat(store().attempts(a.id())).isEmpty();
    assertThat(store().attempts(b.id())).containsExactly(success(1, at(1)));
    assertThat(store().attempts(c.id())).isEmpty();
    assertThat(store().attempts(d.id())).containsExactly(failure(1, at(1)));
    assertThat(job(c.id()).attempt()).isZero();
    assertThat(job(d.id()).lastError()).isEqualTo("HTTP 500");
  }

  @Test
  default void attemptsAreListedOldestFirst() {
    Job job = appendJob("h", at(0));
    claimOne(at(0));
    store()
        .complete(
            List.of(new Completion.Retry(job.id(), 1, failure(1, at(1)), at(10), "HTTP 503")));
    claimOne(at(10));
    store().complete(List.of(new Completion.Succeeded(job.id(), 2, success(2, at(11)))));

    assertThat(store().attempts(job.id()))
        .extracting(AttemptRecord::attempt, AttemptRecord::statusCode, AttemptRecord::responseBody)
        .containsExactly(tuple(1, 503, "busy"), tuple(2, 200, null));
  }

  /**
   * A handler's failure body or error may hold NUL, which PostgreSQL text cannot: every store keeps
   * the outcome with each NUL replaced by U+FFFD (docs/configuration.md, "Stores").
   */
  @Test
  default void aFailureBodyAndErrorWithNulAreStoredWithTheNulReplaced() {
    Job retried = appendJob("h", at(0));
    Job dead = appendJob("h", at(0));
    store().claim(StoreFixtures.claimAll(at(0), 2));
    AttemptRecord withNul =
        new AttemptRecord(1, 500, "HTTP 500: bad\u0000thing", 3, at(1), "{\"a\":\"\u0000\"}\u0000");

    store()
        .complete(
            List.of(
                new Completion.Retry(retried.id(), 1, withNul, at(30), "HTTP 500\u0000"),
                new Completion.Dead(dead.id(), 1, withNul, "HTTP 500\u0000")));

    for (Job job : List.of(retried, dead)) {
      assertThat(job(job.id()).lastError()).isEqualTo("HTTP 500\uFFFD");
      assertThat(store().attempts(job.id()))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.error()).isEqualTo("HTTP 500: bad\uFFFDthing");
                assertThat(a.responseBody()).isEqualTo("{\"a\":\"\uFFFD\"}\uFFFD");
              });
    }
    assertThat(job(retried.id()).status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(job(dead.id()).status()).isEqualTo(JobStatus.DEAD);
  }

  @Test
  default void extendLeasesMovesTheLeaseOfRunningJobsOnly() {
    Job running = appendJob("h", at(0));
    claimOne(at(0));
    Job waiting = appendJob("h", at(100));

    store().extendLeases(List.of(running.id(), waiting.id(), "unknown"), at(500));

    assertThat(job(running.id()).leaseUntil()).isEqualTo(at(500));
    assertThat(job(waiting.id()).leaseUntil()).isNull();
    store().extendLeases(List.of(), at(600));
  }
}
