package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** New jobs of an event already stored: what a replay adds ({@link Store#appendJobs}). */
public record EventJobs(String eventId, List<NewJob> jobs) {
  public EventJobs {
    requireNonNull(eventId, "eventId");
    jobs = List.copyOf(jobs);
  }
}
