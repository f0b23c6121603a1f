package dev.qhook.server;

import dev.qhook.StoreException;
import dev.qhook.memory.InMemoryStore;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory store whose event writes and event listing can be made to fail on demand, and whose
 * event writes can be held back until released.
 */
final class FaultyStore implements Store {
  private final Store delegate = new InMemoryStore();
  volatile boolean failAppends;
  volatile boolean breakEventListing;
  private volatile CountDownLatch appendGate = new CountDownLatch(0);
  final Semaphore appendsEntered = new Semaphore(0);

  /** From now on every event write waits until {@link #releaseAppends()}. */
  void holdAppends() {
    appendGate = new CountDownLatch(1);
  }

  void releaseAppends() {
    appendGate.countDown();
  }

  @Override
  public void migrate() {
    delegate.migrate();
  }

  @Override
  public List<AppendResult> append(List<NewEvent> events) {
    appendsEntered.release();
    try {
      if (!appendGate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("append held for 30 s: the test never released it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("append events", e);
    }
    if (failAppends) {
      throw new StoreException("append events", new java.io.IOException("disk I/O error"));
    }
    return delegate.append(events);
  }

  @Override
  public List<ClaimedJob> claim(ClaimRequest request) {
    return delegate.claim(request);
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
  public void markStarted(String jobId, int attempt, Instant startedAt) {
    delegate.markStarted(jobId, attempt, startedAt);
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
    if (breakEventListing) {
      throw new IllegalStateException("a bug deep in the store");
    }
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
