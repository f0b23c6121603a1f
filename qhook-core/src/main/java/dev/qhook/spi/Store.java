package dev.qhook.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Durable storage for events and jobs. Methods take and return lists so that an implementation can
 * group-commit: {@link #append} with many events should use one transaction and one sync.
 *
 * <p>Every implementation passes the {@code StoreContractTest} of qhook-testkit.
 */
public interface Store extends AutoCloseable {

  /** Creates or upgrades the schema. Idempotent. */
  void migrate();

  /**
   * Stores each event with all of its jobs atomically, or reports it as a duplicate when an event
   * of the same source with the same unique key exists (also earlier in the same list). Returns one
   * result per event, in order. When this returns, every {@link AppendResult.Stored} event is
   * durable. One call is all or nothing: when it throws, no event of the list is stored (batch
   * ingest relies on it to store a batch in one transaction).
   */
  List<AppendResult> append(List<NewEvent> events);

  /**
   * Stores new jobs and workflow runs of events already stored, all in one transaction (a replay).
   * Each job is created at its {@code scheduledAt} and stored {@code available} (a lease is
   * ignored); each run, with its first step job, as {@link #append} stores the runs of a new event,
   * created at {@link EventJobs#at}. Refused with a {@link dev.qhook.StoreRefusedException} when an
   * event does not exist or an id is already used; then nothing is stored.
   */
  void appendJobs(List<EventJobs> batch);

  /**
   * Leases due jobs ({@code available} or {@code retryable} with {@code scheduled_at <= now}),
   * oldest {@code scheduled_at} first: marks them running, increments their attempt and sets their
   * lease. Honours per-target concurrency limits and ordering keys (a key's oldest open job is its
   * head; nothing else of the key runs while it is open). Exclusive across instances. This is also
   * the queue receive ({@link ClaimRequest#queue}): a message in flight is a running queue job
   * whose lease is its visibility timeout, and its attempt is its delivery count.
   */
  List<ClaimedJob> claim(ClaimRequest request);

  /**
   * Records outcomes. A completion whose job is no longer running at the given attempt is ignored.
   */
  void complete(List<Completion> completions);

  /** Pushes the lease of those of the given jobs that are still running forward. */
  void extendLeases(List<String> jobIds, Instant leaseUntil);

  /**
   * Records that the worker began attempt {@code attempt} of the job at {@code startedAt}: the
   * job's {@code started_at}, set to the claim time by {@link #claim}, moves to when the attempt
   * really started, so the stale threshold of {@link #recoverLost} counts from there. Ignored
   * unless the job is still running at that attempt.
   */
  void markStarted(String jobId, int attempt, Instant startedAt);

  /**
   * Recovers running jobs whose lease ended before {@code now} or that started before {@code
   * startedBefore}: retryable and due now when attempts remain, else dead. Queue messages are left
   * to {@link #expireMessageLeases}.
   */
  LostJobs recoverLost(Instant now, Instant startedBefore);

  Optional<Event> event(String id);

  Page<Event> events(EventQuery query);

  Optional<Job> job(String id);

  Page<Job> jobs(JobQuery query);

  /** The attempts of a job, oldest first. */
  List<AttemptRecord> attempts(String jobId);

  /**
   * Makes a dead or retryable handler or outbound job available now with its attempt counter reset
   * and its error cleared. Returns false when the job does not exist or is in another state.
   */
  boolean retry(String jobId, Instant now);

  /**
   * Retries every dead handler and outbound job matching the query's target, since and until (its
   * status, paging and event id are ignored). Returns how many.
   */
  int retryDead(JobQuery query, Instant now);

  /**
   * The jobs the query selects (as {@link #jobs}) with their events; a job whose event is gone is
   * left out. For listings that show the event type, such as a queue's dead letters.
   */
  Page<ClaimedJob> jobsWithEvents(JobQuery query);

  // Pull queues (docs/reference/http-api.md, "Pull queues"). A message is a job of kind QUEUE
  // whose target is the queue; "in flight" means running with a lease that has not ended
  // ({@code leaseUntil >= now}). Receiving is claim(ClaimRequest.queue(...)).

  /**
   * Completes the messages of {@code queue} among {@code ids} that are in flight at {@code now};
   * other ids (unknown, another queue, not leased, lease ended) are ignored. Returns how many.
   */
  int ackMessages(String queue, List<String> ids, Instant now);

  /**
   * Ends the lease of the messages of {@code queue} among {@code ids} that are in flight at {@code
   * now}: a message delivered {@code maxAttempts} times goes dead ({@link LostJobs#FINAL_NACK}),
   * any other becomes visible at {@code now + delay.apply(deliveries)}.
   */
  Nacked nackMessages(
      String queue, List<String> ids, Instant now, IntFunction<Duration> delayAfterDeliveries);

  /**
   * Sets the lease of the messages of {@code queue} among {@code ids} that are in flight at {@code
   * now} to end at {@code leaseUntil}. Returns how many.
   */
  int extendMessages(String queue, List<String> ids, Instant now, Instant leaseUntil);

  /**
   * Ends the leases that lapsed before {@code now}, of every queue: the lapsed delivery counts, so
   * a message delivered {@code maxAttempts} times goes dead ({@link LostJobs#FINAL_LEASE_EXPIRED}),
   * any other is visible again at once ({@link LostJobs#LEASE_EXPIRED}). Returns those messages as
   * stored now. Safe on every instance at once.
   */
  List<Job> expireMessageLeases(Instant now);

  /** Counts per queue that has open or dead messages (see {@link QueueCounts}). */
  Map<String, QueueCounts> queueCounts(Instant now);

  /** Completed (acknowledged) messages of {@code queue} still kept; may scan them all. */
  long completedMessages(String queue);

  /**
   * Up to {@code limit} messages of {@code queue} visible at {@code now}, in receive order (oldest
   * due first), without leasing them.
   */
  List<ClaimedJob> visibleMessages(String queue, Instant now, int limit);

  /**
   * Makes dead messages of {@code queue} visible now with their delivery count reset and their
   * error cleared: those among {@code ids}, or every one when {@code ids} is null. Returns how
   * many.
   */
  int redriveMessages(String queue, @Nullable List<String> ids, Instant now);

  /** Deletes the dead messages of {@code queue}. Returns how many. */
  int deleteDeadMessages(String queue);

  /** Deletes every message of {@code queue}, whatever its state, in one transaction. */
  int drainQueue(String queue);

  /** The outbound endpoints and subscriptions kept in this store. */
  OutboundStore outbound();

  /**
   * The workflow runs kept in this store (docs/architecture.md, "Workflow runs"); {@link
   * RunStore#NONE} for a store that holds none.
   */
  default RunStore runs() {
    return RunStore.NONE;
  }

  /** Jobs per status, for health and metrics. */
  Map<JobStatus, Long> countJobsByStatus();

  /**
   * Stored events per source, for {@code GET /api/stats}; sources without events are absent. One
   * grouped count; a store that does not count answers empty.
   */
  default Map<String, Long> countEventsBySource() {
    return Map.of();
  }

  /**
   * Jobs of {@code kind} per target and status, for {@code GET /api/stats}: only statuses a target
   * has are present. One grouped count; a store that does not count answers empty.
   */
  default Map<String, Map<JobStatus, Long>> countJobsByTarget(JobKind kind) {
    return Map.of();
  }

  /**
   * The event TTL sweep ({@code delivery.event_ttl}, docs/reference/configuration.md, "delivery"):
   * makes every available or retryable handler, queue and outbound job created before the cutoff
   * dead with "event TTL expired", finished {@code now}. Returns those jobs.
   */
  List<Job> expireJobs(Instant createdBefore, Instant now);

  /** Deletes completed, dead and cancelled jobs (and their attempts) finished before the cutoff. */
  int deleteFinishedJobs(Instant finishedBefore);

  /** Deletes events created before the cutoff that have no open job. */
  int deleteEvents(Instant createdBefore);

  /**
   * Whether several instances may share this store. False for a single-instance store (SQLite):
   * then no other instance can hold a running job, so the engine may requeue every running job at
   * start.
   */
  default boolean sharedAcrossInstances() {
    return true;
  }

  /** Whether the database answers. Never throws. */
  boolean ping();

  /** Releases connections. */
  @Override
  void close();
}
