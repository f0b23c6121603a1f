package dev.qhook.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * Leases due jobs ({@code available} or {@code retryable} with {@code scheduled_at <= now}),
   * oldest {@code scheduled_at} first: marks them running, increments their attempt and sets their
   * lease. Honours per-target concurrency limits and ordering keys. Exclusive across instances.
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
   * startedBefore}: retryable and due now when attempts remain, else dead.
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

  /** Jobs per status, for health and metrics. */
  Map<JobStatus, Long> countJobsByStatus();

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
