package dev.qhook.internal.engine;

import dev.qhook.config.QHookConfig;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic tasks of SPEC §10.4 that #2 needs: lost-job recovery every minute, job and event
 * cleanup hourly and at start. Each is safe to run on every instance.
 */
public final class Maintenance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
  static final Duration LOST_JOBS_EVERY = Duration.ofMinutes(1);
  static final Duration CLEANUP_EVERY = Duration.ofHours(1);

  private final Store store;
  private final Clock clock;
  private final QHookConfig config;
  private final Runnable wake;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DeliveryExecutors.named("qhook-maintenance"));

  public Maintenance(Store store, Clock clock, QHookConfig config, Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.wake = wake;
  }

  public void start() {
    schedule(this::recoverLostJobs, LOST_JOBS_EVERY);
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
