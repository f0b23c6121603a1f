package dev.qhook.jdbc.internal;

import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Event lookups and listings. */
public final class EventReader {
  private static final String SELECT = "SELECT " + Columns.EVENT + " FROM events";

  public Optional<Event> event(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Columns.event(rs))
        .findOne();
  }

  public Page<Event> events(Handle h, EventQuery q) {
    return new Listing(SELECT)
        .equal("source", q.source())
        .equal("event_type", q.eventType())
        .window("created_at", q.since(), q.until())
        .page(h, q.after(), q.limit(), q.descending(), (rs, ctx) -> Columns.event(rs));
  }

  /** The events with these ids, by id; ids without an event are left out. */
  static Map<String, Event> byIds(Handle h, List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return h
        .createQuery(SELECT + " WHERE id IN (<ids>)")
        .bindList("ids", ids.stream().distinct().toList())
        .map((rs, ctx) -> Columns.event(rs))
        .stream()
        .collect(Collectors.toMap(Event::id, Function.identity()));
  }
}
