package dev.qhook.memory;

import dev.qhook.StoreException;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Page;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Store} in memory: nothing survives the process. For tests and for applications that
 * accept losing queued work on exit. All methods are serialised on the store.
 */
public final class InMemoryStore implements Store {
  private final TreeMap<String, Event> events = new TreeMap<>();
  private final Map<String, String> eventIdsByKey = new HashMap<>();
  private final TreeMap<String, Job> jobs = new TreeMap<>();
  private final Map<String, List<AttemptRecord>> attempts = new HashMap<>();

  @Override
  public void migrate() {}

  private final Clock clock;

  /** A store whose times for completions without an attempt come from the system clock. */
  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  public InMemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized List<AppendResult> append(List<NewEvent> batch) {
    rejectReusedIds(batch);
    List<AppendResult> results = new ArrayList<>(batch.size());
    for (NewEvent item : batch) {
      Event event = item.event();
      String key = event.uniqueKey() == null ? null : event.source() + "\n" + event.uniqueKey();
      String existing = key == null ? null : eventIdsByKey.get(key);
      if (existing != null) {
        results.add(new AppendResult.Duplicate(existing));
        continue;
      }
      events.put(event.id(), event);
      if (key != null) {
        eventIdsByKey.put(key, event.id());
      }
      for (NewJob j : item.jobs()) {
        jobs.put(j.id(), newJob(event, j));
      }
      results.add(new AppendResult.Stored(event.id(), item.jobs().size()));
    }
    return results;
  }

  /** Like a database's primary keys: a batch reusing an id fails as a whole. */
  private void rejectReusedIds(List<NewEvent> batch) {
    Set<String> seen = new HashSet<>();
    for (NewEvent item : batch) {
      String eventId = item.event().id();
      if (events.containsKey(eventId) || !seen.add("e" + eventId)) {
        throw new StoreException("append failed: event id " + eventId + " is already used");
      }
      for (NewJob j : item.jobs()) {
        if (jobs.containsKey(j.id()) || !seen.add("j" + j.id())) {
          throw new StoreException("append failed: job id " + j.id() + " is already used");
        }
      }
    }
  }

  private static Job newJob(Event event, NewJob j) {
    return new Job(
        j.id(),
        event.id(),
        j.kind(),
        j.target(),
        j.url(),
        JobStatus.AVAILABLE,
        0,
        j.maxAttempts(),
        j.scheduledAt(),
        null,
        null,
        event.createdAt(),
        null,
        null,
        j.orderingKey());
  }

  @Override
  public synchronized List<ClaimedJob> claim(ClaimRequest request) {
    Map<String, Integer> running = new HashMap<>();
    for (Job j : jobs.values()) {
      if (j.status() == JobStatus.RUNNING) {
        running.merge(j.target(), 1, Integer::sum);
      }
    }
    List<Job> due =
        jobs.values().stream()
            .filter(j -> request.kinds().contains(j.kind()))
            .filter(j -> j.status() == JobStatus.AVAILABLE || j.status() == JobStatus.RETRYABLE)
            .filter(j -> !j.scheduledAt().isAfter(request.now()))
            .sorted(Comparator.comparing(Job::scheduledAt).thenComparing(Job::id))
            .toList();
    List<ClaimedJob> claimed = new ArrayList<>();
    for (Job j : due) {
      if (claimed.size() >= request.limit()) {
        break;
      }
      Integer cap = request.concurrencyLimits().get(j.target());
      if (cap != null && running.getOrDefault(j.target(), 0) >= cap) {
        continue;
      }
      if (!isHeadOfItsKey(j)) {
        continue;
      }
      Job leased =
          withLease(
              with(j, JobStatus.RUNNING, j.attempt() + 1, j.scheduledAt(), request.now(), null),
              request.leaseUntil());
      jobs.put(j.id(), leased);
      running.merge(j.target(), 1, Integer::sum);
      claimed.add(new ClaimedJob(leased, events.get(j.eventId())));
    }
    return claimed;
  }

  private boolean isHeadOfItsKey(Job job) {
    if (job.orderingKey() == null) {
      return true;
    }
    return jobs.headMap(job.id(), false).values().stream()
        .noneMatch(
            o ->
                o.status().isOpen()
                    && o.target().equals(job.target())
                    && job.orderingKey().equals(o.orderingKey()));
  }

  @Override
  public synchronized void complete(List<Completion> completions) {
    for (Completion c : completions) {
      Job j = jobs.get(c.jobId());
      if (j == null || j.status() != JobStatus.RUNNING || j.attempt() != c.attempt()) {
        continue;
      }
      Instant started = j.startedAt();
      Job next;
      if (c instanceof Completion.Succeeded s) {
        next = done(j, JobStatus.COMPLETED, finishedAt(s.record()), null);
        record(j.id(), s.record());
      } else if (c instanceof Completion.Retry r) {
        next = with(j, JobStatus.RETRYABLE, j.attempt(), r.runAt(), started, r.lastError());
        record(j.id(), r.record());
      } else if (c instanceof Completion.Dead d) {
        Instant at = d.record() == null ? clock.instant() : finishedAt(d.record());
        next = done(j, JobStatus.DEAD, at, d.lastError());
        if (d.record() != null) {
          record(j.id(), d.record());
        }
      } else {
        Completion.Released r = (Completion.Released) c;
        next = with(j, JobStatus.RETRYABLE, j.attempt() - 1, r.runAt(), started, r.lastError());
      }
      jobs.put(j.id(), next);
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
    for (String id : jobIds) {
      Job j = jobs.get(id);
      if (j != null && j.status() == JobStatus.RUNNING) {
        jobs.put(id, withLease(j, leaseUntil));
      }
    }
  }

  @Override
  public synchronized LostJobs recoverLost(Instant now, Instant startedBefore) {
    int requeued = 0;
    List<Job> dead = new ArrayList<>();
    for (Job j : List.copyOf(jobs.values())) {
      if (j.status() != JobStatus.RUNNING) {
        continue;
      }
      boolean lapsed = j.leaseUntil() != null && j.leaseUntil().isBefore(now);
      boolean stale = j.startedAt() != null && j.startedAt().isBefore(startedBefore);
      if (!lapsed && !stale) {
        continue;
      }
      if (j.attempt() < j.maxAttempts()) {
        jobs.put(
            j.id(),
            with(j, JobStatus.RETRYABLE, j.attempt(), now, j.startedAt(), LostJobs.ATTEMPT_LOST));
        requeued++;
      } else {
        Job d = done(j, JobStatus.DEAD, now, LostJobs.FINAL_ATTEMPT_LOST);
        jobs.put(j.id(), d);
        dead.add(d);
      }
    }
    return new LostJobs(requeued, dead);
  }

  @Override
  public synchronized Optional<Event> event(String id) {
    return Optional.ofNullable(events.get(id));
  }

  @Override
  public synchronized Page<Event> events(EventQuery q) {
    return page(
        events,
        q.after(),
        q.descending(),
        q.limit(),
        e ->
            (q.source() == null || q.source().equals(e.source()))
                && (q.eventType() == null || q.eventType().equals(e.eventType()))
                && inRange(e.createdAt(), q.since(), q.until()));
  }

  @Override
  public synchronized Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public synchronized Page<Job> jobs(JobQuery q) {
    return page(jobs, q.after(), q.descending(), q.limit(), matches(q));
  }

  private static Predicate<Job> matches(JobQuery q) {
    return j ->
        (q.status() == null || q.status() == j.status())
            && (q.target() == null || q.target().equals(j.target()))
            && (q.eventId() == null || q.eventId().equals(j.eventId()))
            && inRange(j.createdAt(), q.since(), q.until());
  }

  private static boolean inRange(Instant at, @Nullable Instant since, @Nullable Instant until) {
    return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
  }

  private static <T> Page<T> page(
      TreeMap<String, T> rows,
      @Nullable String after,
      boolean descending,
      int limit,
      Predicate<T> filter) {
    var view =
        descending
            ? (after == null ? rows.descendingMap() : rows.headMap(after, false).descendingMap())
            : (after == null ? rows : rows.tailMap(after, false));
    List<T> items = new ArrayList<>(limit);
    for (T row : view.values()) {
      if (filter.test(row)) {
        if (items.size() == limit) {
          return new Page<>(items, true);
        }
        items.add(row);
      }
    }
    return new Page<>(items, false);
  }

  @Override
  public synchronized List<AttemptRecord> attempts(String jobId) {
    return List.copyOf(attempts.getOrDefault(jobId, List.of()));
  }

  @Override
  public synchronized boolean retry(String jobId, Instant now) {
    Job j = jobs.get(jobId);
    if (j == null
        || (j.status() != JobStatus.DEAD && j.status() != JobStatus.RETRYABLE)
        || !retriable(j.kind())) {
      return false;
    }
    jobs.put(jobId, reset(j, now));
    return true;
  }

  @Override
  public synchronized int retryDead(JobQuery q, Instant now) {
    int n = 0;
    for (Job j : List.copyOf(jobs.values())) {
      if (j.status() == JobStatus.DEAD
          && retriable(j.kind())
          && (q.target() == null || q.target().equals(j.target()))
          && inRange(j.createdAt(), q.since(), q.until())) {
        jobs.put(j.id(), reset(j, now));
        n++;
      }
    }
    return n;
  }

  private static boolean retriable(JobKind kind) {
    return kind == JobKind.HANDLER || kind == JobKind.OUTBOUND;
  }

  private static Job reset(Job j, Instant now) {
    return new Job(
        j.id(),
        j.eventId(),
        j.kind(),
        j.target(),
        j.url(),
        JobStatus.AVAILABLE,
        0,
        j.maxAttempts(),
        now,
        null,
        null,
        j.createdAt(),
        null,
        null,
        j.orderingKey());
  }

  @Override
  public synchronized Map<JobStatus, Long> countJobsByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    jobs.values().forEach(j -> counts.merge(j.status(), 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized int deleteFinishedJobs(Instant finishedBefore) {
    List<String> gone =
        jobs.values().stream()
            .filter(j -> !j.status().isOpen())
            .filter(j -> j.completedAt() != null && j.completedAt().isBefore(finishedBefore))
            .map(Job::id)
            .toList();
    gone.forEach(
        id -> {
          jobs.remove(id);
          attempts.remove(id);
        });
    return gone.size();
  }

  @Override
  public synchronized int deleteEvents(Instant createdBefore) {
    List<String> open =
        jobs.values().stream().filter(j -> j.status().isOpen()).map(Job::eventId).toList();
    List<Event> gone =
        events.values().stream()
            .filter(e -> e.createdAt().isBefore(createdBefore) && !open.contains(e.id()))
            .toList();
    Set<String> goneIds = new HashSet<>();
    gone.forEach(e -> goneIds.add(e.id()));
    jobs.values()
        .removeIf(
            j -> {
              boolean remove = goneIds.contains(j.eventId());
              if (remove) {
                attempts.remove(j.id());
              }
              return remove;
            });
    for (Event e : gone) {
      events.remove(e.id());
      if (e.uniqueKey() != null) {
        eventIdsByKey.remove(e.source() + "\n" + e.uniqueKey());
      }
    }
    return gone.size();
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

  private static Job done(Job j, JobStatus status, Instant at, @Nullable String error) {
    return new Job(
        j.id(),
        j.eventId(),
        j.kind(),
        j.target(),
        j.url(),
        status,
        j.attempt(),
        j.maxAttempts(),
        j.scheduledAt(),
        j.startedAt(),
        at,
        j.createdAt(),
        error,
        null,
        j.orderingKey());
  }

  private static Job with(
      Job j,
      JobStatus status,
      int attempt,
      Instant scheduledAt,
      @Nullable Instant startedAt,
      @Nullable String error) {
    return new Job(
        j.id(),
        j.eventId(),
        j.kind(),
        j.target(),
        j.url(),
        status,
        attempt,
        j.maxAttempts(),
        scheduledAt,
        startedAt,
        null,
        j.createdAt(),
        error,
        null,
        j.orderingKey());
  }

  private static Job withLease(Job j, Instant leaseUntil) {
    return new Job(
        j.id(),
        j.eventId(),
        j.kind(),
        j.target(),
        j.url(),
        j.status(),
        j.attempt(),
        j.maxAttempts(),
        j.scheduledAt(),
        j.startedAt(),
        j.completedAt(),
        j.createdAt(),
        j.lastError(),
        leaseUntil,
        j.orderingKey());
  }
}
