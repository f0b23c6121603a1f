package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

/** A job with the event it delivers: as leased to a worker or a queue consumer, or as listed. */
public record ClaimedJob(Job job, Event event) {
  public ClaimedJob {
    requireNonNull(job, "job");
    requireNonNull(event, "event");
  }
}
