package dev.qhook.bench;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.Page;
import dev.qhook.spi.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that never hands out work: an engine over it ingests normally (routing, jobs, group
 * commit) but delivers nothing. Used to pre-load a backlog before the measured engine starts.
 * Closing it leaves the underlying store open.
 */
final class NoClaimStore implements Store {
  private final Store store;

  NoClaimStore(Store store) {
    this.store = store;
  }

  @Override
  public List<ClaimedJob> claim(ClaimRequest request) {
    return List.of();
  }

  @Override
  public LostJobs recoverLost(Instant now, Instant startedBefore) {
    return store.recoverLost(now, startedBefore);
  }

  @Override
  public void migrate() {
    store.migrate();
  }

  @Override
  public List<AppendResult> append(List<NewEvent> events) {
    return store.append(events);
  }

  @Override
  public void complete(List<Completion> completions) {
    store.complete(completions);
  }

  @Override
  public void extendLeases(List<String> jobIds, Instant leaseUntil) {
    store.extendLeases(jobIds, leaseUntil);
  }

  @Override
  public Optional<Event> event(String id) {
    return store.event(id);
  }

  @Override
  public Page<Event> events(EventQuery query) {
    return store.events(query);
  }

  @Override
  public Optional<Job> job(String id) {
    return store.job(id);
  }

  @Override
  public Page<Job> jobs(JobQuery query) {
    return store.jobs(query);
  }

  @Override
  public List<AttemptRecord> attempts(String jobId) {
    return store.attempts(jobId);
  }

  @Override
  public boolean retry(String jobId, Instant now) {
    return store.retry(jobId, now);
  }

  @Override
  public int retryDead(JobQuery query, Instant now) {
    return store.retryDead(query, now);
  }

  @Override
  public Map<JobStatus, Long> countJobsByStatus() {
    return store.countJobsByStatus();
  }

  @Override
  public int deleteFinishedJobs(Instant finishedBefore) {
    return store.deleteFinishedJobs(finishedBefore);
  }

  @Override
  public int deleteEvents(Instant createdBefore) {
    return store.deleteEvents(createdBefore);
  }

  @Override
  public boolean sharedAcrossInstances() {
    return store.sharedAcrossInstances();
  }

  @Override
  public boolean ping() {
    return store.ping();
  }

  @Override
  public void close() {
    // The caller owns the underlying store.
  }
}
