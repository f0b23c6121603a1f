package dev.qhook.internal.engine;

import dev.qhook.config.QHookConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic tasks: lost-job recovery every 10 s, the event TTL sweep every minute, job and event
 * cleanup hourly and at start (docs/reference/configuration.md, "worker", "retention", "delivery").
 * Each is safe to run on every instance.
 */
public final class Maintenance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

  /**
   * Often enough to reclaim a dead instance's job within its timeout + 30 s; the query uses an
   * index.
   */
  static final Duration LOST_JOBS_EVERY = Duration.ofSeconds(10);

  static final Duration CLEANUP_EVERY = Duration.ofHours(1);
  static final Duration TTL_SWEEP_EVERY = Duration.ofMinutes(1);

  private final Store store;
  private final Clock clock;
  private final QHookConfig config;
  private final Runnable wake;
  private final EngineMetrics metrics;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DeliveryExecutors.named("qhook-maintenance"));

  public Maintenance(
      Store store, Clock clock, QHookConfig config, Runnable wake, EngineMetrics metrics) {
    this.metrics = metrics;
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.wake = wake;
  }

  public void start() {
    schedule(this::recoverLostJobs, LOST_JOBS_EVERY);
    if (config.delivery().eventTtl() != null) {
      schedule(this::expireJobs, TTL_SWEEP_EVERY);
    }
    timer.scheduleAtFixedRate(
        guarded(this::cleanUp), 0, CLEANUP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void schedule(Runnable task, Duration every) {
    timer.scheduleAtFixedRate(
        guarded(task), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Requeues jobs whose lease lapsed or that ran longer than the stale threshold. */
  public LostJobs recoverLostJobs() {
    Instant now = clock.instant();
    LostJobs lost = store.recoverLost(now, now.minus(config.worker().staleThreshold()));
    if (lost.requeued() > 0 || !lost.dead().isEmpty()) {
      log.warn("recovered lost jobs: {} requeued, {} dead", lost.requeued(), lost.dead().size());
      wake.run();
    }
    return lost;
  }

  /** Dead-letters undelivered jobs older than {@code delivery.event_ttl}. */
  public List<Job> expireJobs() {
    Duration ttl = config.delivery().eventTtl();
    if (ttl == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Job> expired = store.expireJobs(now.minus(ttl), now);
    expired.forEach(j -> metrics.deadLettered(j.target()));
    if (!expired.isEmpty()) {
      log.warn(
          "{} undelivered jobs outlived the event TTL of {} and are dead", expired.size(), ttl);
    }
    return expired;
  }

  /** Deletes finished jobs and old events past their retention. */
  public void cleanUp() {
    Instant now = clock.instant();
    int jobs = store.deleteFinishedJobs(now.minus(config.worker().jobRetention()));
    int events = store.deleteEvents(now.minus(config.retention().events()));
    if (jobs > 0 || events > 0) {
      log.info("cleanup deleted {} finished jobs and {} events", jobs, events);
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("maintenance task failed: {}", e.getMessage());
      }
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
