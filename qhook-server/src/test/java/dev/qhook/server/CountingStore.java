package dev.qhook.server;

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
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the calls a health probe makes, and passes everything on. */
final class CountingStore implements Store {
  private final Store delegate;
  final AtomicInteger pings = new AtomicInteger();
  final AtomicInteger statusCounts = new AtomicInteger();

  CountingStore(Store delegate) {
    this.delegate = delegate;
  }

  @Override
  public void migrate() {
    delegate.migrate();
  }

  @Override
  public List<AppendResult> append(List<NewEvent> events) {
    return delegate.append(events);
  }

  @Override
  public List<ClaimedJob> claim(ClaimRequest request) {
    return delegate.claim(request);
  }

  @Override
  public void markStarted(String jobId, int attempt, Instant startedAt) {
    delegate.markStarted(jobId, attempt, startedAt);
  }

  @Override
  public void complete(List<Completion> completions) {
    delegate.complete(completions);
  }

  @Override
  public void extendLeases(List<String> jobIds, Instant leaseUntil) {
    delegate.extendLeases(jobIds, leaseUntil);
  }

  @Override
  public LostJobs recoverLost(Instant now, Instant startedBefore) {
    return delegate.recoverLost(now, startedBefore);
  }

  @Override
  public Optional<Event> event(String id) {
    return delegate.event(id);
  }

  @Override
  public Page<Event> events(EventQuery query) {
    return delegate.events(query);
  }

  @Override
  public Optional<Job> job(String id) {
    return delegate.job(id);
  }

  @Override
  public Page<Job> jobs(JobQuery query) {
    return delegate.jobs(query);
  }

  @Override
  public List<AttemptRecord> attempts(String jobId) {
    return delegate.attempts(jobId);
  }

  @Override
  public boolean retry(String jobId, Instant now) {
    return delegate.retry(jobId, now);
  }

  @Override
  public int retryDead(JobQuery query, Instant now) {
    return delegate.retryDead(query, now);
  }

  @Override
  public Map<JobStatus, Long> countJobsByStatus() {
    statusCounts.incrementAndGet();
    return delegate.countJobsByStatus();
  }

  @Override
  public List<Job> expireJobs(Instant createdBefore, Instant now) {
    return delegate.expireJobs(createdBefore, now);
  }

  @Override
  public int deleteFinishedJobs(Instant finishedBefore) {
    return delegate.deleteFinishedJobs(finishedBefore);
  }

  @Override
  public int deleteEvents(Instant createdBefore) {
    return delegate.deleteEvents(createdBefore);
  }

  @Override
  public boolean ping() {
    pings.incrementAndGet();
    return delegate.ping();
  }

  @Override
  public boolean sharedAcrossInstances() {
    return delegate.sharedAcrossInstances();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
