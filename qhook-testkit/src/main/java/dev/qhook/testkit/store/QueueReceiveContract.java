package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.queueMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pull-queue consumers (docs/reference/http-api.md, "Pull queues"): receive ({@code claim} of one
 * queue), ack, nack, extend and lease expiry. A message in flight is running with a lease that has
 * not ended; its attempt counts its deliveries.
 */
public interface QueueReceiveContract extends StoreContract {

  @Test
  default void receiveLeasesVisibleMessagesOfTheQueueOldestDueFirstAndCountsADelivery() {
    Job third = appendMessage("q", at(2), null);
    Job first = appendMessage("q", at(0), null);
    Job second = appendMessage("q", at(1), null);
    appendMessage("other", at(0), null);
    appendJob("q-handler", at(0));
    appendJobs(at(0), queueMessage("q", 3, at(100), null)); // not due yet

    List<ClaimedJob> got = store().claim(ClaimRequest.queue("q", at(10), 2, at(40)));

    assertThat(got).extracting(c -> c.job().id()).containsExactly(first.id(), second.id());
    assertThat(got)
        .allSatisfy(
            c -> {
              assertThat(c.job().status()).isEqualTo(JobStatus.RUNNING);
              assertThat(c.job().attempt()).isEqualTo(1);
              assertThat(c.job().leaseUntil()).isEqualTo(at(40));
              assertThat(c.event().id()).isEqualTo(c.job().eventId());
            });
    assertThat(receive("q", at(11), 10)).extracting(Job::id).containsExactly(third.id());
    assertThat(receive("q", at(12), 10)).as("leased messages are not visible").isEmpty();
  }

  @Test
  default void theDispatchersClaimNeverTakesQueueMessages() {
    appendMessage("q", at(0), null);
    Job handler = appendJob("h", at(1));

    assertThat(
            store().claim(new ClaimRequest(at(5), 10, at(65), Set.of(JobKind.HANDLER), Map.of())))
        .extracting(c -> c.job().id())
        .containsExactly(handler.id());
  }

  @Test
  default void anOrderingKeyHasAtMostOneMessageInFlight() {
    Job a1 = appendMessage("q", at(0), "a");
    Job a2 = appendMessage("q", at(1), "a");
    Job b1 = appendMessage("q", at(2), "b");
    Job none = appendMessage("q", at(3), null);

    assertThat(receive("q", at(5), 10))
        .extracting(Job::id)
        .containsExactly(a1.id(), b1.id(), none.id());
    assertThat(receive("q", at(6), 10)).isEmpty();

    assertThat(store().ackMessages("q", List.of(a1.id()), at(7))).isEqualTo(1);
    assertThat(receive("q", at(8), 10)).extracting(Job::id).containsExactly(a2.id());
  }

  @Test
  default void ackCompletesMessagesInFlightAndIgnoresEveryOtherId() {
    Job leased = appendMessage("q", at(0), null);
    Job lapsed = appendMessage("q", at(0), null);
    Job otherQueue = appendMessage("other", at(0), null);
    receive("q", at(0), 2); // both leased until at(30)
    store().extendMessages("q", List.of(leased.id()), at(1), at(100));
    receive("other", at(0), 1);
    Job waiting = appendMessage("q", at(1), null);

    int acked =
        store()
            .ackMessages(
                "q",
                List.of(
                    leased.id(),
                    lapsed.id(),
                    otherQueue.id(),
                    waiting.id(),
                    "J-unknown",
                    leased.id()),
                at(50));

    assertThat(acked).isEqualTo(1);
    assertThat(job(leased.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job(leased.id()).completedAt()).isEqualTo(at(50));
    assertThat(job(lapsed.id()).status()).as("lease ended").isEqualTo(JobStatus.RUNNING);
    assertThat(job(otherQueue.id()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job(waiting.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(store().ackMessages("q", List.of(leased.id()), at(51))).as("twice").isZero();
  }

  @Test
  default void nackMakesTheMessageVisibleAfterTheDelayForItsDeliveryCount() {
    Job message = appendMessage("q", at(0), null);
    receive("q", at(0), 1);
    List<Integer> asked = new ArrayList<>();

    Nacked nacked =
        store()
            .nackMessages(
                "q",
                List.of(message.id(), "J-unknown"),
                at(1),
                deliveries -> {
                  asked.add(deliveries);
                  return Duration.ofSeconds(10);
                });

    assertThat(nacked.retried()).isEqualTo(1);
    assertThat(nacked.dead()).isEmpty();
    assertThat(asked).containsExactly(1);
    Job retried = job(message.id());
    assertThat(retried.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(retried.scheduledAt()).isEqualTo(at(11));
    assertThat(retried.leaseUntil()).isNull();
    assertThat(receive("q", at(10), 1)).isEmpty();
    assertThat(receive("q", at(11), 1))
        .singleElement()
        .satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
  }

  @Test
  default void nackWithoutDelayMakesTheMessageVisibleAtOnce() {
    Job message = appendMessage("q", at(0), null);
    receive("q", at(0), 1);

    store().nackMessages("q", List.of(message.id()), at(1), n -> Duration.ZERO);

    assertThat(receive("q", at(1), 1)).extracting(Job::id).containsExactly(message.id());
  }

  @Test
  default void nackOnTheFinalDeliveryMakesTheMessageDead() {
    Job message = appendJobs(at(0), queueMessage("q", 1, at(0), null)).get(0);
    receive("q", at(0), 1);

    Nacked nacked = store().nackMessages("q", List.of(message.id()), at(2), n -> Duration.ZERO);

    assertThat(nacked.retried()).isZero();
    Job dead = job(message.id());
    assertThat(nacked.dead()).containsExactly(dead);
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.lastError()).isEqualTo(LostJobs.FINAL_NACK);
    assertThat(dead.completedAt()).isEqualTo(at(2));
  }

  @Test
  default void extendSetsTheLeaseOfMessagesInFlightOnly() {
    Job leased = appendMessage("q", at(0), null);
    Job waiting = appendMessage("q", at(100), null);
    receive("q", at(0), 1);

    int extended = store().extendMessages("q", List.of(leased.id(), waiting.id()), at(20), at(300));

    assertThat(extended).isEqualTo(1);
    assertThat(job(leased.id()).leaseUntil()).isEqualTo(at(300));
    assertThat(store().expireMessageLeases(at(200))).isEmpty();
    assertThat(store().extendMessages("q", List.of(leased.id()), at(301), at(400)))
        .as("a lease that ended cannot be extended")
        .isZero();
  }

  @Test
  default void aLapsedLeaseCountsAsADeliveryAndMakesTheMessageVisibleAgain() {
    Job message = appendMessage("q", at(0), null);
    receive("q", at(0), 1);
    assertThat(store().expireMessageLeases(at(30))).as("the lease ends after at(30)").isEmpty();

    List<Job> expired = store().expireMessageLeases(at(31));

    Job visible = job(message.id());
    assertThat(expired).containsExactly(visible);
    assertThat(visible.status()).isEqualTo(JobStatus.RETRYABLE);
    assertThat(visible.scheduledAt()).isEqualTo(at(31));
    assertThat(visible.lastError()).isEqualTo(LostJobs.LEASE_EXPIRED);
    assertThat(receive("q", at(31), 1))
        .singleElement()
        .satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
  }

  @Test
  default void aLapsedLeaseOnTheFinalDeliveryMakesTheMessageDead() {
    Job message = appendJobs(at(0), queueMessage("q", 2, at(0), null)).get(0);
    receive("q", at(0), 1);
    store().expireMessageLeases(at(31));
    receive("q", at(31), 1);

    List<Job> expired = store().expireMessageLeases(at(62));

    Job dead = job(message.id());
    assertThat(expired).containsExactly(dead);
    assertThat(dead.status()).isEqualTo(JobStatus.DEAD);
    assertThat(dead.attempt()).isEqualTo(2);
    assertThat(dead.lastError()).isEqualTo(LostJobs.FINAL_LEASE_EXPIRED);
  }

  @Test
  default void lostJobRecoveryLeavesQueueLeasesAlone() {
    Job message = appendMessage("q", at(0), null);
    receive("q", at(0), 1);
    store().extendMessages("q", List.of(message.id()), at(1), at(10_000));

    LostJobs lost = store().recoverLost(at(100), at(99));

    assertThat(lost.requeued()).isZero();
    assertThat(job(message.id()).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  default void theEventTtlSweepExpiresWaitingMessages() {
    Job waiting = appendMessage("q", at(0), null);
    Instant later = at(3600);

    assertThat(store().expireJobs(at(1), later)).extracting(Job::id).contains(waiting.id());
    assertThat(job(waiting.id()).status()).isEqualTo(JobStatus.DEAD);
  }
}
