package dev.qhook.memory;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The claims of {@link InMemoryStore} and their leases: due jobs taken in order within concurrency
 * limits and ordering keys, leases extended, lost jobs recovered. Over the store's own maps; every
 * method is called holding the store's lock.
 */
final class InMemoryClaims {
  private final Map<String, Event> events;
  private final TreeMap<String, JobRow> jobs;
  private final BiConsumer<String, AttemptRecord> attempts;

  InMemoryClaims(
      Map<String, Event> events,
      TreeMap<String, JobRow> jobs,
      BiConsumer<String, AttemptRecord> attempts) {
    this.events = events;
    this.jobs = jobs;
    this.attempts = attempts;
  }

  List<ClaimedJob> claim(ClaimRequest request) {
    Map<String, Integer> running = new HashMap<>();
    jobs.values().stream()
        .filter(j -> j.status == JobStatus.RUNNING)
        .forEach(j -> running.merge(j.target, 1, Integer::sum));
    List<JobRow> due =
        jobs.values().stream()
            .filter(j -> request.kinds().isEmpty() || request.kinds().contains(j.kind))
            .filter(j -> request.target() == null || request.target().equals(j.target))
            .filter(j -> j.status == JobStatus.AVAILABLE || j.status == JobStatus.RETRYABLE)
            .filter(j -> !j.scheduledAt.isAfter(request.now()))
            .sorted(Comparator.comparing((JobRow j) -> j.scheduledAt).thenComparing(j -> j.id))
            .toList();
    List<ClaimedJob> claimed = new ArrayList<>();
    for (JobRow j : due) {
      if (claimed.size() >= request.limit()) {
        break;
      }
      Integer cap = request.concurrencyLimits().get(j.target);
      if ((cap != null && running.getOrDefault(j.target, 0) >= cap) || !isHeadOfItsKey(j)) {
        continue;
      }
      j.status = JobStatus.RUNNING;
      j.attempt++;
      j.startedAt = request.now();
      j.completedAt = null;
      j.leaseUntil = request.leaseUntil();
      running.merge(j.target, 1, Integer::sum);
      claimed.add(new ClaimedJob(j.snapshot(), events.get(j.eventId)));
    }
    return claimed;
  }

  /**
   * Ordering keys (docs/reference/configuration.md, "Ordering keys"): a job may run when no job of
   * its target and key is running and no older one is still open.
   */
  private boolean isHeadOfItsKey(JobRow job) {
    return job.orderingKey == null
        || jobs.values().stream()
            .noneMatch(
                o ->
                    o != job
                        && o.target.equals(job.target)
                        && job.orderingKey.equals(o.orderingKey)
                        && (o.status == JobStatus.RUNNING
                            || (o.id.compareTo(job.id) < 0 && o.status.isOpen())));
  }

  void extendLeases(List<String> jobIds, Instant leaseUntil) {
    for (String id : jobIds) {
      JobRow j = jobs.get(id);
      if (j != null && j.status == JobStatus.RUNNING) {
        j.leaseUntil = leaseUntil;
      }
    }
  }

  void markStarted(String jobId, int attempt, Instant startedAt) {
    JobRow j = jobs.get(jobId);
    if (j != null && j.status == JobStatus.RUNNING && j.attempt == attempt) {
      j.startedAt = startedAt;
    }
  }

  LostJobs recoverLost(Instant now, Instant startedBefore) {
    int requeued = 0;
    List<Job> dead = new ArrayList<>();
    for (JobRow j : jobs.values()) {
      boolean lapsed = j.leaseUntil != null && j.leaseUntil.isBefore(now);
      boolean stale = j.startedAt != null && j.startedAt.isBefore(startedBefore);
      if (j.status != JobStatus.RUNNING || j.kind == JobKind.QUEUE || (!lapsed && !stale)) {
        continue;
      }
      Instant started = j.startedAt == null ? now : j.startedAt;
      attempts.accept(
          j.id,
          new AttemptRecord(
              j.attempt,
              null,
              LostJobs.ATTEMPT_LOST,
              Math.max(0, now.toEpochMilli() - started.toEpochMilli()),
              started,
              null));
      if (j.attempt < j.maxAttempts) {
        j.reschedule(now, LostJobs.ATTEMPT_LOST);
        requeued++;
      } else {
        j.finish(JobStatus.DEAD, now, LostJobs.FINAL_ATTEMPT_LOST);
        dead.add(j.snapshot());
      }
    }
    return new LostJobs(requeued, dead);
  }
}
