package dev.qhook.testkit;

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
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Store} that passes every call to another: extend it and override what a test changes
 * (fail appends on demand, count calls, hold a write back).
 */
public abstract class ForwardingStore implements Store {
  private final Store delegate;

  protected ForwardingStore(Store delegate) {
    this.delegate = delegate;
  }

  protected final Store delegate() {
    return delegate;
  }

  @Override
  public void migrate() {
    delegate.migrate();
  }

  @Override
  public void appendJobs(List<EventJobs> batch) {
    delegate.appendJobs(batch);
  }

  @Override
  public OutboundStore outbound() {
    return delegate.outbound();
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
  public Page<ClaimedJob> jobsWithEvents(JobQuery query) {
    return delegate.jobsWithEvents(query);
  }

  @Override
  public int ackMessages(String queue, List<String> ids, Instant now) {
    return delegate.ackMessages(queue, ids, now);
  }

  @Override
  public Nacked nackMessages(
      String queue, List<String> ids, Instant now, IntFunction<Duration> delayAfterDeliveries) {
    return delegate.nackMessages(queue, ids, now, delayAfterDeliveries);
  }

  @Override
  public int extendMessages(String queue, List<String> ids, Instant now, Instant leaseUntil) {
    return delegate.extendMessages(queue, ids, now, leaseUntil);
  }

  @Override
  public List<Job> expireMessageLeases(Instant now) {
    return delegate.expireMessageLeases(now);
  }

  @Override
  public Map<String, QueueCounts> queueCounts(Instant now) {
    return delegate.queueCounts(now);
  }

  @Override
  public long completedMessages(String queue) {
    return delegate.completedMessages(queue);
  }

  @Override
  public List<ClaimedJob> visibleMessages(String queue, Instant now, int limit) {
    return delegate.visibleMessages(queue, now, limit);
  }

  @Override
  public int redriveMessages(String queue, @Nullable List<String> ids, Instant now) {
    return delegate.redriveMessages(queue, ids, now);
  }

  @Override
  public int deleteDeadMessages(String queue) {
    return delegate.deleteDeadMessages(queue);
  }

  @Override
  public int drainQueue(String queue) {
    return delegate.drainQueue(queue);
  }

  @Override
  public Map<JobStatus, Long> countJobsByStatus() {
    return delegate.countJobsByStatus();
  }

  @Override
  public Map<String, Long> countEventsBySource() {
    return delegate.countEventsBySource();
  }

  @Override
  public Map<String, Map<JobStatus, Long>> countJobsByTarget(JobKind kind) {
    return delegate.countJobsByTarget(kind);
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
  public boolean sharedAcrossInstances() {
    return delegate.sharedAcrossInstances();
  }

  @Override
  public RunStore runs() {
    return delegate.runs();
  }

  @Override
  public boolean ping() {
    return delegate.ping();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
