package dev.qhook.jdbc.internal;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL text cannot hold the NUL character (U+0000). An event whose text columns carry one is
 * refused before the write, naming the field (docs/configuration.md, "Stores"); its headers are
 * stored as JSON, where NUL is escaped, and its payload as bytes, so neither needs the check.
 */
public final class NulValues {
  private NulValues() {}

  /** Throws a {@link StoreRefusedException} naming the first field of an event that holds NUL. */
  public static void refuseNul(String operation, List<NewEvent> events) {
    for (NewEvent newEvent : events) {
      String field = fieldWithNul(newEvent);
      if (field != null) {
        throw new StoreRefusedException(
            operation,
            field + " contains a NUL character (U+0000), which PostgreSQL cannot store",
            null);
      }
    }
  }

  private static @Nullable String fieldWithNul(NewEvent newEvent) {
    Event event = newEvent.event();
    if (hasNul(event.eventType())) {
      return "the event type";
    }
    if (hasNul(event.uniqueKey())) {
      return "the idempotency key";
    }
    if (hasNul(event.source()) || hasNul(event.id())) {
      return "the source or id of the event";
    }
    for (NewJob job : newEvent.jobs()) {
      if (hasNul(job.orderingKey())) {
        return "an ordering key";
      }
      if (hasNul(job.id()) || hasNul(job.target()) || hasNul(job.url())) {
        return "a job's id, target or URL";
      }
    }
    return null;
  }

  private static boolean hasNul(@Nullable String value) {
    return value != null && value.indexOf('\0') >= 0;
  }
}
