package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

/** A job leased to this worker, with the event it delivers. */
public record ClaimedJob(Job job, Event event) {
  public ClaimedJob {
    requireNonNull(job, "job");
    requireNonNull(event, "event");
  }
}
