package dev.qhook.internal.engine;

import dev.qhook.Admin;
import dev.qhook.BulkReplayResult;
import dev.qhook.ReplayResult;
import dev.qhook.internal.ingest.Replayer;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link Admin} over a store; retries wake the dispatcher. */
public final class StoreAdmin implements Admin {
  private final Store store;
  private final Clock clock;
  private final Runnable wake;
  private final Replayer replayer;

  public StoreAdmin(Store store, Clock clock, Runnable wake, Replayer replayer) {
    this.store = store;
    this.clock = clock;
    this.wake = wake;
    this.replayer = replayer;
  }

  @Override
  public Optional<ReplayResult> replay(String eventId, @Nullable Set<String> targets) {
    return replayer.replay(eventId, targets);
  }

  @Override
  public BulkReplayResult replayAll(EventQuery query, @Nullable Set<String> targets) {
    return replayer.replayAll(query, targets);
  }

  @Override
  public Page<Event> events(EventQuery query) {
    return store.events(query);
  }

  @Override
  public Optional<Event> event(String id) {
    return store.event(id);
  }

  @Override
  public Page<Job> jobs(JobQuery query) {
    return store.jobs(query);
  }

  @Override
  public Optional<Job> job(String id) {
    return store.job(id);
  }

  @Override
  public List<AttemptRecord> attempts(String jobId) {
    return store.attempts(jobId);
  }

  @Override
  public boolean retryJob(String jobId) {
    boolean retried = store.retry(jobId, clock.instant());
    if (retried) {
      wake.run();
    }
    return retried;
  }

  @Override
  public int retryDead(JobQuery query) {
    int n = store.retryDead(query, clock.instant());
    if (n > 0) {
      wake.run();
    }
    return n;
  }

  @Override
  public Map<String, Long> eventsBySource() {
    return store.countEventsBySource();
  }

  @Override
  public Map<JobStatus, Long> jobsByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus status : JobStatus.values()) {
      counts.put(status, 0L);
    }
    counts.putAll(store.countJobsByStatus());
    return counts;
  }

  @Override
  public Map<String, Map<JobStatus, Long>> handlerJobsByStatus() {
    return store.countJobsByTarget(JobKind.HANDLER);
  }
}
