package dev.qhook.memory;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The in-memory store's TTL sweep, cleanup and counts, over the store's own maps; every method is
 * called holding the store's lock.
 */
final class InMemoryRetention {
  private final TreeMap<String, Event> events;
  private final Map<String, String> eventIdsByKey;
  private final TreeMap<String, JobRow> jobs;
  private final Map<String, List<AttemptRecord>> attempts;
  private final InMemoryRuns runs;

  InMemoryRetention(
      TreeMap<String, Event> events,
      Map<String, String> eventIdsByKey,
      TreeMap<String, JobRow> jobs,
      Map<String, List<AttemptRecord>> attempts,
      InMemoryRuns runs) {
    this.events = events;
    this.eventIdsByKey = eventIdsByKey;
    this.jobs = jobs;
    this.attempts = attempts;
    this.runs = runs;
  }

  Map<JobStatus, Long> countJobsByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    jobs.values().forEach(j -> counts.merge(j.status, 1L, Long::sum));
    return counts;
  }

  Map<String, Long> countEventsBySource() {
    Map<String, Long> counts = new TreeMap<>();
    events.values().forEach(e -> counts.merge(e.source(), 1L, Long::sum));
    return counts;
  }

  Map<String, Map<JobStatus, Long>> countJobsByTarget(JobKind kind) {
    Map<String, Map<JobStatus, Long>> counts = new TreeMap<>();
    for (JobRow j : jobs.values()) {
      if (j.kind == kind) {
        counts
            .computeIfAbsent(j.target, t -> new EnumMap<>(JobStatus.class))
            .merge(j.status, 1L, Long::sum);
      }
    }
    return counts;
  }

  List<Job> expireJobs(Instant createdBefore, Instant now) {
    List<Job> expired = new ArrayList<>();
    for (JobRow j : jobs.values()) {
      if (j.kind != JobKind.WORKFLOW_STEP
          && (j.status == JobStatus.AVAILABLE || j.status == JobStatus.RETRYABLE)
          && j.createdAt.isBefore(createdBefore)) {
        j.finish(JobStatus.DEAD, now, LostJobs.TTL_EXPIRED);
        expired.add(j.snapshot());
      }
    }
    return expired;
  }

  int deleteFinishedJobs(Instant finishedBefore) {
    return removeJobsWhere(
        j -> !j.status.isOpen() && j.completedAt != null && j.completedAt.isBefore(finishedBefore));
  }

  /** Removes the matching jobs with their attempts; returns how many. */
  int removeJobsWhere(Predicate<JobRow> condition) {
    List<String> ids = jobs.values().stream().filter(condition).map(j -> j.id).toList();
    ids.forEach(
        id -> {
          jobs.remove(id);
          attempts.remove(id);
        });
    return ids.size();
  }

  int deleteEvents(Instant createdBefore) {
    Set<String> withOpenJobs = new HashSet<>();
    jobs.values().stream().filter(j -> j.status.isOpen()).forEach(j -> withOpenJobs.add(j.eventId));
    List<Event> gone =
        events.values().stream()
            .filter(e -> e.createdAt().isBefore(createdBefore) && !withOpenJobs.contains(e.id()))
            .filter(e -> !runs.hasRunningRun(e.id()))
            .toList();
    Set<String> goneIds = new HashSet<>();
    for (Event e : gone) {
      goneIds.add(e.id());
      events.remove(e.id());
      String key = InMemoryStore.uniqueKey(e);
      if (key != null) {
        eventIdsByKey.remove(key);
      }
    }
    removeJobsWhere(j -> goneIds.contains(j.eventId));
    runs.forgetEvents(goneIds);
    return gone.size();
  }
}
