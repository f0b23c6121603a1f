package dev.qhook.jdbc.internal;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends events with their jobs. The caller runs one call in one transaction: a group commit of
 * every event in the list. A unique key already taken (by an earlier append, a concurrent one, or
 * an earlier event of the same list) makes the event a duplicate: {@code ON CONFLICT DO NOTHING},
 * then the original's id is looked up.
 */
public final class EventWriter {
  private static final String INSERT_EVENT =
      "INSERT INTO events ("
          + Columns.EVENT
          + ") VALUES (:id, :source, :eventType, :payload, :headers, :uniqueKey, :createdAt)"
          + " ON CONFLICT (source, unique_key) DO NOTHING";
  private static final String FIND_BY_KEY =
      "SELECT id FROM events WHERE source = :source AND unique_key = :uniqueKey";
  private static final String INSERT_JOB =
      "INSERT INTO jobs (id, event_id, kind, target, url, status, attempt, max_attempts,"
          + " scheduled_at, created_at, ordering_key) VALUES (:id, :eventId, :kind, :target, :url,"
          + " 'available', 0, :maxAttempts, :scheduledAt, :createdAt, :orderingKey)";

  public List<AppendResult> append(Handle h, List<NewEvent> events) {
    AppendResult[] results = new AppendResult[events.size()];
    PreparedBatch jobs = h.prepareBatch(INSERT_JOB);
    for (int index : insertionOrder(events)) {
      NewEvent newEvent = events.get(index);
      Event event = newEvent.event();
      if (!insertEvent(h, event)) {
        results[index] = new AppendResult.Duplicate(originalId(h, event));
        continue;
      }
      for (NewJob job : newEvent.jobs()) {
        jobs.bind("id", job.id())
            .bind("eventId", event.id())
            .bind("kind", Columns.label(job.kind()))
            .bind("target", job.target())
            .bind("url", job.url())
            .bind("maxAttempts", job.maxAttempts())
            .bind("scheduledAt", Columns.millis(job.scheduledAt()))
            .bind("createdAt", Columns.millis(event.createdAt()))
            .bind("orderingKey", job.orderingKey())
            .add();
      }
      results[index] = new AppendResult.Stored(event.id(), newEvent.jobs().size());
    }
    if (jobs.size() > 0) {
      jobs.execute();
    }
    return List.of(results);
  }

  /**
   * Keyed events in (source, key) order, then the others. Two transactions that insert the same
   * keys then take the key locks in the same order and cannot deadlock. The sort is stable, so of
   * two events with one key the earlier in the list is stored and the later is its duplicate.
   */
  private static List<Integer> insertionOrder(List<NewEvent> events) {
    List<Integer> order = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing(
            (Integer i) -> events.get(i).event(),
            Comparator.comparing((Event e) -> e.uniqueKey() == null)
                .thenComparing(Event::source)
                .thenComparing(e -> e.uniqueKey() == null ? "" : e.uniqueKey())));
    return order;
  }

  private static boolean insertEvent(Handle h, Event event) {
    return h.createUpdate(INSERT_EVENT)
            .bind("id", event.id())
            .bind("source", event.source())
            .bind("eventType", event.eventType())
            .bind("payload", event.payload())
            .bind("headers", Columns.headers(event.headers()))
            .bind("uniqueKey", event.uniqueKey())
            .bind("createdAt", Columns.millis(event.createdAt()))
            .execute()
        == 1;
  }

  private static String originalId(Handle h, Event event) {
    return h.createQuery(FIND_BY_KEY)
        .bind("source", event.source())
        .bind("uniqueKey", event.uniqueKey())
        .mapTo(String.class)
        .one();
  }
}
