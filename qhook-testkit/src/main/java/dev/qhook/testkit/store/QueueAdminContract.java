package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.queueMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pull-queue management (docs/reference/http-api.md, "Pull queues"): counts, peeking, dead-letter
 * listing, redrive, deleting dead messages and draining.
 */
public interface QueueAdminContract extends StoreContract {

  /** One message of {@code queue} made dead by a nack on its only delivery. */
  private Job deadMessage(String queue) {
    Job message = appendJobs(at(0), queueMessage(queue, 1, at(0), null)).get(0);
    List<Job> got = receive(queue, at(0), 10);
    store().nackMessages(queue, got.stream().map(Job::id).toList(), at(1), n -> Duration.ZERO);
    assertThat(job(message.id()).status()).isEqualTo(JobStatus.DEAD);
    return job(message.id());
  }

  @Test
  default void queueCountsSplitMessagesByStateAndAgeOnlyTheVisibleOnes() {
    Job dead = deadMessage("q");
    appendMessage("q", at(1), null); // leased below: the oldest, but not receivable
    receive("q", at(2), 1);
    Job oldestVisible = appendMessage("q", at(3), null);
    appendMessage("q", at(4), null);
    appendJobs(at(5), queueMessage("q", 3, at(500), null)); // delayed
    Job alsoVisible = appendMessage("q", at(6), null);
    appendMessage("other", at(7), null);
    appendJob("handler", at(0));

    Map<String, QueueCounts> counts = store().queueCounts(at(10));

    assertThat(counts).containsOnlyKeys("q", "other");
    assertThat(counts.get("q")).isEqualTo(new QueueCounts(3, 1, 1, 1, oldestVisible.createdAt()));
    assertThat(counts.get("other")).isEqualTo(new QueueCounts(1, 0, 0, 0, at(7)));
    assertThat(dead.target()).isEqualTo("q");
    assertThat(alsoVisible.status()).isEqualTo(JobStatus.AVAILABLE);
  }

  @Test
  default void completedMessagesAreCountedApart() {
    Job message = appendMessage("q", at(0), null);
    receive("q", at(0), 1);
    store().ackMessages("q", List.of(message.id()), at(1));

    assertThat(store().completedMessages("q")).isEqualTo(1);
    assertThat(store().completedMessages("other")).isZero();
    assertThat(store().queueCounts(at(2))).doesNotContainKey("q");
  }

  @Test
  default void visibleMessagesAreReadInReceiveOrderWithoutALease() {
    Job second = appendMessage("q", at(1), null);
    Job first = appendMessage("q", at(0), null);
    appendJobs(at(0), queueMessage("q", 3, at(100), null));

    List<ClaimedJob> peeked = store().visibleMessages("q", at(5), 10);

    assertThat(peeked).extracting(c -> c.job().id()).containsExactly(first.id(), second.id());
    assertThat(peeked.get(0).event().id()).isEqualTo(first.eventId());
    assertThat(job(first.id()).status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(job(first.id()).attempt()).isZero();
    assertThat(store().visibleMessages("q", at(5), 1)).hasSize(1);
  }

  @Test
  default void deadMessagesAreListedWithTheirEvents() {
    Job first = deadMessage("q");
    Job second = deadMessage("q");
    deadMessage("other");

    Page<ClaimedJob> page =
        store().jobsWithEvents(new JobQuery(JobStatus.DEAD, "q", null, null, null, null, 1, false));
    assertThat(page.items()).extracting(c -> c.job().id()).containsExactly(first.id());
    assertThat(page.items().get(0).event().eventType()).isEqualTo("order.created");
    assertThat(page.hasMore()).isTrue();

    Page<ClaimedJob> next =
        store()
            .jobsWithEvents(
                new JobQuery(JobStatus.DEAD, "q", null, null, null, first.id(), 1, false));
    assertThat(next.items()).extracting(c -> c.job().id()).containsExactly(second.id());
    assertThat(next.hasMore()).isFalse();
  }

  @Test
  default void redriveMakesTheChosenDeadMessagesVisibleWithTheirDeliveryCountReset() {
    Job chosen = deadMessage("q");
    Job left = deadMessage("q");
    Job otherQueue = deadMessage("other");

    assertThat(store().redriveMessages("q", List.of(chosen.id(), otherQueue.id()), at(5)))
        .isEqualTo(1);

    Job redriven = job(chosen.id());
    assertThat(redriven.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(redriven.attempt()).isZero();
    assertThat(redriven.lastError()).isNull();
    assertThat(redriven.scheduledAt()).isEqualTo(at(5));
    assertThat(job(left.id()).status()).isEqualTo(JobStatus.DEAD);
    assertThat(job(otherQueue.id()).status()).isEqualTo(JobStatus.DEAD);
    assertThat(receive("q", at(5), 10))
        .singleElement()
        .satisfies(j -> assertThat(j.attempt()).isEqualTo(1));
  }

  @Test
  default void redriveWithoutIdsTakesEveryDeadMessageOfTheQueue() {
    deadMessage("q");
    deadMessage("q");
    Job otherQueue = deadMessage("other");
    appendMessage("q", at(0), null);

    assertThat(store().redriveMessages("q", null, at(5))).isEqualTo(2);
    assertThat(store().redriveMessages("q", List.of(), at(5))).isZero();
    assertThat(job(otherQueue.id()).status()).isEqualTo(JobStatus.DEAD);
  }

  @Test
  default void deleteDeadMessagesLeavesOtherMessagesAndQueues() {
    Job dead = deadMessage("q");
    Job otherQueue = deadMessage("other");
    Job waiting = appendMessage("q", at(0), null);

    assertThat(store().deleteDeadMessages("q")).isEqualTo(1);

    assertThat(store().job(dead.id())).isEmpty();
    assertThat(store().job(otherQueue.id())).isPresent();
    assertThat(store().job(waiting.id())).isPresent();
  }

  @Test
  default void drainDeletesEveryMessageOfTheQueueOnly() {
    deadMessage("q");
    appendMessage("q", at(0), null);
    Job leased = appendMessage("q", at(1), null);
    receive("q", at(2), 1);
    Job otherQueue = appendMessage("other", at(0), null);
    Job handler = appendJob("q-handler", at(0));

    assertThat(store().drainQueue("q")).isEqualTo(3);

    assertThat(store().job(leased.id())).isEmpty();
    assertThat(store().queueCounts(at(3))).containsOnlyKeys("other");
    assertThat(store().job(otherQueue.id())).isPresent();
    assertThat(store().job(handler.id())).isPresent();
  }
}
