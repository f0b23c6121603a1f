package dev.qhook.internal.ingest;

import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.internal.routing.RoutedConsumer;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The jobs of an event leased at ingest, for the {@link HandOff} (docs/architecture.md). */
public final class LeasedJobs {
  private LeasedJobs() {}

  /**
   * A job may skip the claim unless the claim has something to decide: whether it heads its
   * ordering key, or whether its handler's cluster-wide {@code max_concurrency} has room.
   */
  static boolean leasable(RoutedConsumer c, @Nullable String orderingKey) {
    return c instanceof CompiledHandler h
        && orderingKey == null
        && h.config().maxConcurrency() == null;
  }

  /** Leases the first {@code granted} jobs marked leasable until {@code leaseUntil}, in place. */
  static void lease(List<NewJob> jobs, boolean[] leasable, int granted, Instant leaseUntil) {
    int left = granted;
    for (int i = 0; i < jobs.size() && left > 0; i++) {
      if (leasable[i]) {
        jobs.set(i, jobs.get(i).leasedUntil(leaseUntil));
        left--;
      }
    }
  }

  /** The stored event's leased jobs as a claim would return them: running at attempt 1. */
  static List<ClaimedJob> claimed(NewEvent stored) {
    Event event = stored.event();
    List<ClaimedJob> claimed = new ArrayList<>();
    for (NewJob job : stored.jobs()) {
      Instant leaseUntil = job.leaseUntil();
      if (leaseUntil != null) {
        claimed.add(claimed(job, event));
      }
    }
    return claimed;
  }

  /**
   * A job stored leased ({@link NewJob#leaseUntil} set) as a claim would return it: running at
   * attempt 1, with the event it belongs to.
   */
  public static ClaimedJob claimed(NewJob job, Event event) {
    return new ClaimedJob(job(job, event, Objects.requireNonNull(job.leaseUntil())), event);
  }

  private static Job job(NewJob job, Event event, Instant leaseUntil) {
    return new Job(
        job.id(),
        event.id(),
        job.kind(),
        job.target(),
        job.url(),
        JobStatus.RUNNING,
        1,
        job.maxAttempts(),
        job.scheduledAt(),
        job.scheduledAt(),
        null,
        event.createdAt(),
        null,
        leaseUntil,
        job.orderingKey(),
        job.step());
  }
}
