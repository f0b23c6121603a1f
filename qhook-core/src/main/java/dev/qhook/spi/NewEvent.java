package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An event and every job and workflow run it creates: the unit that {@link Store#append} stores
 * atomically.
 *
 * @param jobs handler, queue and outbound jobs
 * @param runs workflow runs, each with its first step job
 */
public record NewEvent(Event event, List<NewJob> jobs, List<NewRun> runs) {
  public NewEvent {
    requireNonNull(event, "event");
    jobs = List.copyOf(jobs);
    runs = List.copyOf(runs);
  }

  /** An event that starts no workflow run. */
  public NewEvent(Event event, List<NewJob> jobs) {
    this(event, jobs, List.of());
  }
}
