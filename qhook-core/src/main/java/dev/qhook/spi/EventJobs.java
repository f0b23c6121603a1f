package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * New jobs and workflow runs of an event already stored: what a replay adds ({@link
 * Store#appendJobs}).
 *
 * @param jobs handler, queue and outbound jobs, each created at its {@code scheduledAt}
 * @param runs workflow runs, each with its first step job (if it has one), created at {@code at}
 * @param at when the replay happened
 */
public record EventJobs(String eventId, List<NewJob> jobs, List<NewRun> runs, Instant at) {
  public EventJobs {
    requireNonNull(eventId, "eventId");
    requireNonNull(at, "at");
    jobs = List.copyOf(jobs);
    runs = List.copyOf(runs);
  }

  /** Jobs only, no run. */
  public static EventJobs of(String eventId, List<NewJob> jobs, Instant at) {
    return new EventJobs(eventId, jobs, List.of(), at);
  }

  /** Whether it adds nothing. */
  public boolean isEmpty() {
    return jobs.isEmpty() && runs.isEmpty();
  }
}
