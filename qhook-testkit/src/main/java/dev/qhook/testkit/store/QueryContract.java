package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static dev.qhook.testkit.store.StoreFixtures.queueMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookups and listings for the management API: filters and cursor pages in id order. */
public interface QueryContract extends StoreContract {

  @Test
  default void unknownIdsAreEmpty() {
    assertThat(store().event("E-none")).isEmpty();
    assertThat(store().job("J-none")).isEmpty();
    assertThat(store().attempts("J-none")).isEmpty();
  }

  @Test
  default void eventsFilterBySourceTypeAndTime() {
    Event early = event("app", "order.created", null, at(0));
    Event paid = event("app", "order.paid", null, at(10));
    Event stripe = event("stripe", "order.created", null, at(20));
    Event late = event("app", "order.created", null, at(30));
    store().append(List.of(newEvent(early), newEvent(paid), newEvent(stripe), newEvent(late)));

    assertThat(ids(store().events(new EventQuery("app", null, null, null, null, 50, false))))
        .containsExactly(early.id(), paid.id(), late.id());
    assertThat(
            ids(store().events(new EventQuery(null, "order.created", null, null, null, 50, false))))
        .containsExactly(early.id(), stripe.id(), late.id());
    assertThat(ids(store().events(new EventQuery(null, null, at(10), at(30), null, 50, false))))
        .as("since is inclusive, until exclusive")
        .containsExactly(paid.id(), stripe.id());
  }

  @Test
  default void eventsPageForwardWithAfter() {
    List<String> all = appendEvents(5);

    Page<Event> first = store().events(new EventQuery(null, null, null, null, null, 2, false));
    assertThat(ids(first)).containsExactly(all.get(0), all.get(1));
    assertThat(first.hasMore()).isTrue();
    Page<Event> second =
        store().events(new EventQuery(null, null, null, null, all.get(1), 2, false));
    assertThat(ids(second)).containsExactly(all.get(2), all.get(3));
    Page<Event> last = store().events(new EventQuery(null, null, null, null, all.get(3), 2, false));
    assertThat(ids(last)).containsExactly(all.get(4));
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  default void eventsPageBackwardWithAfter() {
    List<String> all = appendEvents(5);

    Page<Event> first = store().events(new EventQuery(null, null, null, null, null, 3, true));
    assertThat(ids(first)).containsExactly(all.get(4), all.get(3), all.get(2));
    assertThat(first.hasMore()).isTrue();
    Page<Event> last = store().events(new EventQuery(null, null, null, null, all.get(2), 3, true));
    assertThat(ids(last)).containsExactly(all.get(1), all.get(0));
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  default void anExactlyFullPageHasNoMore() {
    appendEvents(2);
    assertThat(store().events(new EventQuery(null, null, null, null, null, 2, false)).hasMore())
        .isFalse();
  }

  @Test
  default void jobsFilterByStatusTargetEventAndTime() {
    Job billing = appendJob("billing", at(0));
    Job shipping = appendJob("shipping", at(10));
    Job billingLater = appendJob("billing", at(20));
    claimOne(at(0));

    assertThat(jobIds(new JobQuery(null, "billing", null, null, null, null, 50, false)))
        .containsExactly(billing.id(), billingLater.id());
    assertThat(jobIds(new JobQuery(JobStatus.RUNNING, null, null, null, null, null, 50, false)))
        .containsExactly(billing.id());
    assertThat(
            jobIds(new JobQuery(JobStatus.AVAILABLE, "billing", null, null, null, null, 50, false)))
        .containsExactly(billingLater.id());
    assertThat(jobIds(JobQuery.forEvent(shipping.eventId()))).containsExactly(shipping.id());
    assertThat(jobIds(new JobQuery(null, null, null, at(10), at(20), null, 50, false)))
        .containsExactly(shipping.id());
  }

  @Test
  default void jobsPageInBothDirections() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(appendJob("h", at(i)).id());
    }

    Page<Job> forward =
        store().jobs(new JobQuery(null, null, null, null, null, all.get(1), 2, false));
    assertThat(forward.items()).extracting(Job::id).containsExactly(all.get(2), all.get(3));
    assertThat(forward.hasMore()).isTrue();
    Page<Job> backward =
        store().jobs(new JobQuery(null, null, null, null, null, all.get(1), 2, true));
    assertThat(backward.items()).extracting(Job::id).containsExactly(all.get(0));
    assertThat(backward.hasMore()).isFalse();
  }

  @Test
  default void countJobsByStatusCountsEveryStatus() {
    appendJob("h", at(0));
    appendJob("h", at(0));
    appendJob("h", at(100));
    claimOne(at(0));

    assertThat(store().countJobsByStatus())
        .containsEntry(JobStatus.AVAILABLE, 2L)
        .containsEntry(JobStatus.RUNNING, 1L)
        .satisfies(m -> assertThat(m.getOrDefault(JobStatus.DEAD, 0L)).isZero());
  }

  @Test
  default void countsEventsPerSourceAndJobsPerTargetAndStatus() {
    store()
        .append(
            List.of(
                newEvent(event("app", "a", null, at(0)), handlerJob("billing", at(0))),
                newEvent(
                    event("app", "b", null, at(1)),
                    handlerJob("billing", at(1)),
                    handlerJob("shipping", at(1))),
                newEvent(
                    event("stripe", "a", null, at(2)), queueMessage("audit", 3, at(2), null))));
    claimOne(at(0));

    assertThat(store().countEventsBySource()).isEqualTo(Map.of("app", 2L, "stripe", 1L));
    assertThat(store().countJobsByTarget(JobKind.HANDLER))
        .isEqualTo(
            Map.of(
                "billing", Map.of(JobStatus.RUNNING, 1L, JobStatus.AVAILABLE, 1L),
                "shipping", Map.of(JobStatus.AVAILABLE, 1L)));
    assertThat(store().countJobsByTarget(JobKind.QUEUE))
        .isEqualTo(Map.of("audit", Map.of(JobStatus.AVAILABLE, 1L)));
    assertThat(store().countJobsByTarget(JobKind.OUTBOUND)).isEmpty();
  }

  private List<String> appendEvents(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Event e = event(at(i));
      store().append(List.of(newEvent(e, handlerJob("h", at(i)))));
      ids.add(e.id());
    }
    return ids;
  }

  private static List<String> ids(Page<Event> page) {
    return page.items().stream().map(Event::id).toList();
  }

  private List<String> jobIds(JobQuery query) {
    return store().jobs(query).items().stream().map(Job::id).toList();
  }
}
