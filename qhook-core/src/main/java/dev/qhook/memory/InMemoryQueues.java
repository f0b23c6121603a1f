package dev.qhook.memory;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import dev.qhook.spi.QueueCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The pull-queue operations of {@link InMemoryStore} over its rows. Not thread-safe by itself: the
 * store calls it while holding its own lock.
 */
final class InMemoryQueues {
  private final Map<String, Event> events;
  private final TreeMap<String, JobRow> jobs;

  InMemoryQueues(Map<String, Event> events, TreeMap<String, JobRow> jobs) {
    this.events = events;
    this.jobs = jobs;
  }

  static boolean ofQueue(JobRow j, String queue) {
    return j.kind == JobKind.QUEUE && j.target.equals(queue);
  }

  private static boolean inFlight(JobRow j, Instant now) {
    return j.status == JobStatus.RUNNING && j.leaseUntil != null && !j.leaseUntil.isBefore(now);
  }

  private static boolean waiting(JobRow j) {
    return j.status == JobStatus.AVAILABLE || j.status == JobStatus.RETRYABLE;
  }

  /** The rows of {@code queue} among {@code ids} in flight at {@code now}, each once. */
  private List<JobRow> inFlight(String queue, List<String> ids, Instant now) {
    List<JobRow> rows = new ArrayList<>();
    for (String id : new HashSet<>(ids)) {
      JobRow j = jobs.get(id);
      if (j != null && ofQueue(j, queue) && inFlight(j, now)) {
        rows.add(j);
      }
    }
    return rows;
  }

  int ack(String queue, List<String> ids, Instant now) {
    List<JobRow> rows = inFlight(queue, ids, now);
    rows.forEach(j -> j.finish(JobStatus.COMPLETED, now, null));
    return rows.size();
  }

  Nacked nack(String queue, List<String> ids, Instant now, IntFunction<Duration> delay) {
    int retried = 0;
    List<Job> dead = new ArrayList<>();
    for (JobRow j : inFlight(queue, ids, now)) {
      if (j.attempt >= j.maxAttempts) {
        j.finish(JobStatus.DEAD, now, LostJobs.FINAL_NACK);
        dead.add(j.snapshot());
      } else {
        j.reschedule(now.plus(delay.apply(j.attempt)), j.lastError);
        retried++;
      }
    }
    return new Nacked(retried, dead);
  }

  int extend(String queue, List<String> ids, Instant now, Instant leaseUntil) {
    List<JobRow> rows = inFlight(queue, ids, now);
    rows.forEach(j -> j.leaseUntil = leaseUntil);
    return rows.size();
  }

  List<Job> expireLeases(Instant now) {
    List<Job> expired = new ArrayList<>();
    for (JobRow j : jobs.values()) {
      if (j.kind != JobKind.QUEUE
          || j.status != JobStatus.RUNNING
          || j.leaseUntil == null
          || !j.leaseUntil.isBefore(now)) {
        continue;
      }
      if (j.attempt >= j.maxAttempts) {
        j.finish(JobStatus.DEAD, now, LostJobs.FINAL_LEASE_EXPIRED);
      } else {
        j.reschedule(now, LostJobs.LEASE_EXPIRED);
      }
      expired.add(j.snapshot());
    }
    return expired;
  }

  Map<String, QueueCounts> counts(Instant now) {
    Map<String, QueueCounts> counts = new TreeMap<>();
    for (JobRow j : jobs.values()) {
      if (j.kind != JobKind.QUEUE || j.status == JobStatus.COMPLETED) {
        continue;
      }
      QueueCounts c = counts.getOrDefault(j.target, QueueCounts.EMPTY);
      boolean visible = waiting(j) && !j.scheduledAt.isAfter(now);
      Instant oldest = c.oldestVisibleCreatedAt();
      if (visible && (oldest == null || j.createdAt.isBefore(oldest))) {
        oldest = j.createdAt;
      }
      counts.put(
          j.target,
          new QueueCounts(
              c.visible() + (visible ? 1 : 0),
              c.delayed() + (waiting(j) && !visible ? 1 : 0),
              c.inFlight() + (j.status == JobStatus.RUNNING ? 1 : 0),
              c.dead() + (j.status == JobStatus.DEAD ? 1 : 0),
              oldest));
    }
    return counts;
  }

  long completed(String queue) {
    return jobs.values().stream()
        .filter(j -> ofQueue(j, queue) && j.status == JobStatus.COMPLETED)
        .count();
  }

  List<ClaimedJob> visible(String queue, Instant now, int limit) {
    return jobs.values().stream()
        .filter(j -> ofQueue(j, queue) && waiting(j) && !j.scheduledAt.isAfter(now))
        .sorted(Comparator.comparing((JobRow j) -> j.scheduledAt).thenComparing(j -> j.id))
        .limit(limit)
        .map(j -> new ClaimedJob(j.snapshot(), events.get(j.eventId)))
        .toList();
  }

  int redrive(String queue, @Nullable List<String> ids, Instant now) {
    Set<String> chosen = ids == null ? null : new HashSet<>(ids);
    int n = 0;
    for (JobRow j : jobs.values()) {
      if (ofQueue(j, queue)
          && j.status == JobStatus.DEAD
          && (chosen == null || chosen.contains(j.id))) {
        j.reset(now);
        n++;
      }
    }
    return n;
  }
}
