package dev.qhook.memory;

import static dev.qhook.memory.Paging.inRange;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventJobs;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Store} in memory: nothing survives the process. For tests and for applications that
 * accept losing queued work on exit. All methods are serialised on the store.
 */
public final class InMemoryStore implements Store {
  private final TreeMap<String, Event> events = new TreeMap<>();
  private final Map<String, String> eventIdsByKey = new HashMap<>();
  private final TreeMap<String, JobRow> jobs = new TreeMap<>();
  private final Map<String, List<AttemptRecord>> attempts = new HashMap<>();
  private final InMemoryQueues queues = new InMemoryQueues(events, jobs);
  private final InMemoryRuns runs = new InMemoryRuns(jobs, this::record);
  private final InMemoryClaims claims = new InMemoryClaims(events, jobs, this::record);
  private final InMemoryOutbound outbound = new InMemoryOutbound(this, jobs);
  private final RunStore runStore = new InMemoryRunStore(this, runs);
  private final InMemoryRetention retention =
      new InMemoryRetention(events, eventIdsByKey, jobs, attempts, runs);
  private final Clock clock;

  /** A store whose times for completions without an attempt come from the system clock. */
  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  public InMemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void migrate() {}

  @Override
  public synchronized List<AppendResult> append(List<NewEvent> batch) {
    rejectReusedIds(batch);
    List<AppendResult> results = new ArrayList<>(batch.size());
    for (NewEvent item : batch) {
      Event event = item.event();
      String key = uniqueKey(event);
      String existing = key == null ? null : eventIdsByKey.get(key);
      if (existing != null) {
        results.add(new AppendResult.Duplicate(existing));
        continue;
      }
      events.put(event.id(), event);
      if (key != null) {
        eventIdsByKey.put(key, event.id());
      }
      item.jobs().forEach(j -> jobs.put(j.id(), new JobRow(event, j)));
      runs.start(event.id(), event.createdAt(), item.runs());
      results.add(new AppendResult.Stored(event.id(), item.jobs().size()));
    }
    return results;
  }

  @Override
  public synchronized void appendJobs(List<EventJobs> batch) {
    Set<String> seen = new HashSet<>();
    for (EventJobs item : batch) {
      if (!events.containsKey(item.eventId())) {
        throw new StoreRefusedException(
            "appending jobs", "event " + item.eventId() + " does not exist", null);
      }
      for (NewJob j : newJobs(item.jobs(), item.runs())) {
        if (jobs.containsKey(j.id()) || !seen.add(j.id())) {
          throw new StoreRefusedException(
              "appending jobs", "job id " + j.id() + " is already used", null);
        }
      }
    }
    for (EventJobs item : batch) {
      Event event = events.get(item.eventId());
      for (NewJob j : item.jobs()) {
        jobs.put(j.id(), new JobRow(event.id(), j.scheduledAt(), j.withoutLease()));
      }
      runs.start(event.id(), item.at(), item.runs());
    }
  }

  /** The key of the idempotency index: source and key, or null for an event without a key. */
  static @Nullable String uniqueKey(Event event) {
    return event.uniqueKey() == null ? null : event.source() + "\n" + event.uniqueKey();
  }

  /** The jobs and the runs' first step jobs. */
  private static List<NewJob> newJobs(List<NewJob> jobs, List<NewRun> runs) {
    List<NewJob> all = new ArrayList<>(jobs);
    runs.stream().filter(r -> r.firstStep() != null).forEach(r -> all.add(r.firstStep().job()));
    return all;
  }

  /** Like a database's primary keys: a batch reusing an id is refused as a whole. */
  private void rejectReusedIds(List<NewEvent> batch) {
    Set<String> seen = new HashSet<>();
    for (NewEvent item : batch) {
      String eventId = item.event().id();
      if (events.containsKey(eventId) || !seen.add("e" + eventId)) {
        throw new StoreRefusedException(
            "appending " + batch.size() + " events",
            "event id " + eventId + " is already used",
            null);
      }
      for (NewJob j : newJobs(item.jobs(), item.runs())) {
        if (jobs.containsKey(j.id()) || !seen.add("j" + j.id())) {
          throw new StoreRefusedException(
              "appending " + batch.size() + " events",
              "job id " + j.id() + " is already used",
              null);
        }
      }
    }
  }

  @Override
  public synchronized List<ClaimedJob> claim(ClaimRequest request) {
    return claims.claim(request);
  }

  @Override
  public synchronized void complete(List<Completion> completions) {
    for (Completion c : completions) {
      JobRow j = jobs.get(c.jobId());
      if (j == null || j.status != JobStatus.RUNNING || j.attempt != c.attempt()) {
        continue;
      }
      if (c instanceof Completion.Succeeded s) {
        j.finish(JobStatus.COMPLETED, finishedAt(s.record()), null);
        record(j.id, s.record());
      } else if (c instanceof Completion.Retry r) {
        j.reschedule(r.runAt(), r.lastError());
        record(j.id, r.record());
      } else if (c instanceof Completion.Dead d) {
        AttemptRecord last = d.record();
        j.finish(JobStatus.DEAD, last == null ? clock.instant() : finishedAt(last), d.lastError());
        if (last != null) {
          record(j.id, last);
        }
      } else if (c instanceof Completion.Released r) {
        j.attempt--;
        j.reschedule(r.runAt(), r.lastError());
      }
    }
  }

  private static Instant finishedAt(AttemptRecord record) {
    return record.createdAt().plusMillis(record.durationMs());
  }

  private void record(String jobId, AttemptRecord record) {
    attempts.computeIfAbsent(jobId, id -> new ArrayList<>()).add(record);
  }

  @Override
  public synchronized void extendLeases(List<String> jobIds, Instant leaseUntil) {
    claims.extendLeases(jobIds, leaseUntil);
  }

  @Override
  public synchronized void markStarted(String jobId, int attempt, Instant startedAt) {
    claims.markStarted(jobId, attempt, startedAt);
  }

  @Override
  public synchronized LostJobs recoverLost(Instant now, Instant startedBefore) {
    return claims.recoverLost(now, startedBefore);
  }

  @Override
  public synchronized Optional<Event> event(String id) {
    return Optional.ofNullable(events.get(id));
  }

  @Override
  public synchronized Page<Event> events(EventQuery q) {
    return Paging.page(
        events,
        q.after(),
        q.descending(),
        q.limit(),
        e ->
            (q.source() == null || q.source().equals(e.source()))
                && (q.eventType() == null || q.eventType().equals(e.eventType()))
                && inRange(e.createdAt(), q.since(), q.until()),
        Function.identity());
  }

  @Override
  public synchronized Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id)).map(JobRow::snapshot);
  }

  @Override
  public synchronized Page<Job> jobs(JobQuery q) {
    return Paging.page(
        jobs,
        q.after(),
        q.descending(),
        q.limit(),
        j ->
            (q.status() == null || q.status() == j.status)
                && (q.target() == null || q.target().equals(j.target))
                && (q.eventId() == null || q.eventId().equals(j.eventId))
                && inRange(j.createdAt, q.since(), q.until()),
        JobRow::snapshot);
  }

  @Override
  public synchronized Page<ClaimedJob> jobsWithEvents(JobQuery query) {
    Page<Job> page = jobs(query);
    return new Page<>(
        page.items().stream()
            .filter(j -> events.containsKey(j.eventId()))
            .map(j -> new ClaimedJob(j, events.get(j.eventId())))
            .toList(),
        page.hasMore());
  }

  @Override
  public synchronized int ackMessages(String queue, List<String> ids, Instant now) {
    return queues.ack(queue, ids, now);
  }

  @Override
  public synchronized Nacked nackMessages(
      String queue, List<String> ids, Instant now, IntFunction<Duration> delayAfterDeliveries) {
    return queues.nack(queue, ids, now, delayAfterDeliveries);
  }

  @Override
  public synchronized int extendMessages(
      String queue, List<String> ids, Instant now, Instant leaseUntil) {
    return queues.extend(queue, ids, now, leaseUntil);
  }

  @Override
  public synchronized List<Job> expireMessageLeases(Instant now) {
    return queues.expireLeases(now);
  }

  @Override
  public synchronized Map<String, QueueCounts> queueCounts(Instant now) {
    return queues.counts(now);
  }

  @Override
  public synchronized long completedMessages(String queue) {
    return queues.completed(queue);
  }

  @Override
  public synchronized List<ClaimedJob> visibleMessages(String queue, Instant now, int limit) {
    return queues.visible(queue, now, limit);
  }

  @Override
  public synchronized int redriveMessages(String queue, @Nullable List<String> ids, Instant now) {
    return queues.redrive(queue, ids, now);
  }

  @Override
  public synchronized int deleteDeadMessages(String queue) {
    return retention.removeJobsWhere(
        j -> InMemoryQueues.ofQueue(j, queue) && j.status == JobStatus.DEAD);
  }

  @Override
  public synchronized int drainQueue(String queue) {
    return retention.removeJobsWhere(j -> InMemoryQueues.ofQueue(j, queue));
  }

  @Override
  public synchronized List<AttemptRecord> attempts(String jobId) {
    return List.copyOf(attempts.getOrDefault(jobId, List.of()));
  }

  @Override
  public synchronized boolean retry(String jobId, Instant now) {
    JobRow j = jobs.get(jobId);
    if (j == null
        || (j.status != JobStatus.DEAD && j.status != JobStatus.RETRYABLE)
        || !retriable(j.kind)) {
      return false;
    }
    j.reset(now);
    return true;
  }

  @Override
  public synchronized int retryDead(JobQuery q, Instant now) {
    int n = 0;
    for (JobRow j : jobs.values()) {
      if (j.status == JobStatus.DEAD
          && retriable(j.kind)
          && (q.target() == null || q.target().equals(j.target))
          && inRange(j.createdAt, q.since(), q.until())) {
        j.reset(now);
        n++;
      }
    }
    return n;
  }

  private static boolean retriable(JobKind kind) {
    return kind == JobKind.HANDLER || kind == JobKind.OUTBOUND;
  }

  @Override
  public OutboundStore outbound() {
    return outbound;
  }

  @Override
  public synchronized Map<JobStatus, Long> countJobsByStatus() {
    return retention.countJobsByStatus();
  }

  @Override
  public synchronized Map<String, Long> countEventsBySource() {
    return retention.countEventsBySource();
  }

  @Override
  public synchronized Map<String, Map<JobStatus, Long>> countJobsByTarget(JobKind kind) {
    return retention.countJobsByTarget(kind);
  }

  @Override
  public synchronized List<Job> expireJobs(Instant createdBefore, Instant now) {
    return retention.expireJobs(createdBefore, now);
  }

  @Override
  public synchronized int deleteFinishedJobs(Instant finishedBefore) {
    return retention.deleteFinishedJobs(finishedBefore);
  }

  @Override
  public synchronized int deleteEvents(Instant createdBefore) {
    return retention.deleteEvents(createdBefore);
  }

  @Override
  public RunStore runs() {
    return runStore;
  }

  @Override
  public boolean ping() {
    return true;
  }

  @Override
  public boolean sharedAcrossInstances() {
    return false;
  }

  @Override
  public void close() {}
}
