package dev.qhook.internal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.BulkReplayResult;
import dev.qhook.ReplayResult;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.outbound.OutboundEmission;
import dev.qhook.internal.routing.RoutedConsumer;
import dev.qhook.internal.routing.Router;
import dev.qhook.internal.workflow.RunStarter;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventJobs;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.Page;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Replays stored events (docs/reference/http-api.md, "Replay"): routes each again through the
 * current config (handlers, queues, workflows, outbound endpoints, filters) and stores the new jobs
 * and runs on the stored event, ignoring idempotency. With {@code targets}, only the consumers
 * named (handlers, queues, workflows, outbound endpoint ids) get jobs and runs.
 */
public final class Replayer {
  private final Router router;
  private final RunStarter runs;
  private final OutboundEmission outbound;
  private final Store store;
  private final UlidGenerator ids;
  private final Clock clock;
  private final Consumer<List<NewJob>> onStored;

  /**
   * @param onStored called with the stored jobs (runs' first steps included), to wake the
   *     dispatcher and the queues
   */
  public Replayer(
      Router router,
      RunStarter runs,
      OutboundEmission outbound,
      Store store,
      Clock clock,
      Consumer<List<NewJob>> onStored) {
    this.router = router;
    this.runs = runs;
    this.outbound = outbound;
    this.store = store;
    this.ids = new UlidGenerator(clock);
    this.clock = clock;
    this.onStored = onStored;
  }

  /** Replays one event; empty when it does not exist. */
  public Optional<ReplayResult> replay(String eventId, @Nullable Set<String> targets) {
    Optional<Event> event = store.event(eventId);
    if (event.isEmpty()) {
      return Optional.empty();
    }
    EventJobs added = added(event.get(), targets, clock.instant());
    store(List.of(added));
    return Optional.of(new ReplayResult(eventId, added.jobs().size(), added.runs().size()));
  }

  /** Replays one page of the events the query selects, oldest first. */
  public BulkReplayResult replayAll(EventQuery query, @Nullable Set<String> targets) {
    Page<Event> page = store.events(query);
    Instant now = clock.instant();
    List<EventJobs> batch = new ArrayList<>(page.items().size());
    int created = 0;
    int started = 0;
    for (Event e : page.items()) {
      EventJobs added = added(e, targets, now);
      created += added.jobs().size();
      started += added.runs().size();
      batch.add(added);
    }
    store(batch);
    List<Event> items = page.items();
    return new BulkReplayResult(
        items.size(),
        created,
        started,
        page.hasMore(),
        items.isEmpty() ? null : items.get(items.size() - 1).id());
  }

  private void store(List<EventJobs> batch) {
    if (batch.stream().allMatch(EventJobs::isEmpty)) {
      return;
    }
    store.appendJobs(batch);
    List<NewJob> toClaim = new ArrayList<>();
    List<NewRun> started = new ArrayList<>();
    for (EventJobs added : batch) {
      toClaim.addAll(added.jobs());
      for (NewRun run : added.runs()) {
        started.add(run);
        if (run.firstStep() != null) {
          toClaim.add(run.firstStep().job());
        }
      }
    }
    onStored.accept(toClaim);
    runs.stored(started);
  }

  private EventJobs added(Event event, @Nullable Set<String> targets, Instant now) {
    List<NewRun> started = new ArrayList<>();
    for (NewRun run : runs.runs(event.source(), event.eventType(), event.payload(), now)) {
      if (targets == null || targets.contains(run.workflow())) {
        started.add(run);
      }
    }
    return new EventJobs(event.id(), jobs(event, targets, now), started, now);
  }

  private List<NewJob> jobs(Event event, @Nullable Set<String> targets, Instant now) {
    Payload payload = Payload.of(event.payload());
    JsonNode json = router.needsPayload(event.source()) ? payload.json() : null;
    List<NewJob> jobs = new ArrayList<>();
    for (RoutedConsumer c : router.matching(event.source(), event.eventType(), json)) {
      if (targets == null || targets.contains(c.name())) {
        jobs.add(c.newJob(ids.next(), now, c.rule().orderingKeyOf(json)));
      }
    }
    for (NewJob j :
        outbound.jobs(event.source(), event.eventType(), payload::json, now, ids::next)) {
      if (targets == null || targets.contains(j.target())) {
        jobs.add(j);
      }
    }
    return jobs;
  }
}
