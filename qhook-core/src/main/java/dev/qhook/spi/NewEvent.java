package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An event and every job it creates: the unit that {@link Store#append} stores atomically. */
public record NewEvent(Event event, List<NewJob> jobs) {
  public NewEvent {
    requireNonNull(event, "event");
    jobs = List.copyOf(jobs);
  }
}
