package dev.qhook.internal.engine;

import dev.qhook.Alert;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.queue.PullQueues;
import dev.qhook.internal.time.EngineScheduler;
import dev.qhook.internal.time.Timers;
import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic tasks: lost-job recovery every 10 s, the event TTL sweep every minute, job and event
 * cleanup hourly and at start (docs/reference/configuration.md, "worker", "retention", "delivery").
 * Each is safe to run on every instance. Jobs they make dead count in {@code qhook_dlq_total} and
 * raise alerts: {@code dlq} per job lost on its final attempt, {@code event_ttl_expired} per
 * handler and sweep. The intervals run on the engine's clock ({@link EngineScheduler}): real time
 * in production, the test's moves of a stepped clock in tests. Cleanup has a scheduler (a thread)
 * of its own: deleting a large backlog takes a while (the store paces it to leave the database to
 * the traffic), and must not hold up the recovery of lost jobs.
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
  private final Consumer<Alert> alerts;
  private volatile Consumer<List<Job>> lostForGood = jobs -> {};
  private final EngineScheduler timer;
  private final EngineScheduler cleanupTimer;

  /**
   * @param alerts raises an alert (logged, then sent unless {@code alerts.on} excludes its kind)
   * @param timers gives the schedulers of the periodic tasks (one for cleanup, one for the rest),
   *     closed with this
   */
  public Maintenance(
      Store store,
      Clock clock,
      QHookConfig config,
      Runnable wake,
      EngineMetrics metrics,
      Consumer<Alert> alerts,
      Timers timers) {
    this.timer = timers.scheduler(DeliveryExecutors.named("qhook-maintenance"));
    this.cleanupTimer = timers.scheduler(DeliveryExecutors.named("qhook-cleanup"));
    this.metrics = metrics;
    this.alerts = alerts;
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
    cleanupTimer.scheduleEvery(guarded(this::cleanUp), Duration.ZERO, CLEANUP_EVERY);
  }

  /** Also hands the jobs lost on their final attempt (now dead) to {@code consumer}. */
  public void onLostForGood(Consumer<List<Job>> consumer) {
    this.lostForGood = consumer;
  }

  /** Runs {@code task} every {@code every} from now on, until {@link #close()}. */
  public void scheduleEvery(Runnable task, Duration every) {
    schedule(task, every);
  }

  private void schedule(Runnable task, Duration every) {
    timer.scheduleEvery(guarded(task), every, every);
  }

  /** Requeues jobs whose lease lapsed or that ran longer than the stale threshold. */
  public LostJobs recoverLostJobs() {
    Instant now = clock.instant();
    LostJobs lost = store.recoverLost(now, now.minus(config.worker().staleThreshold()));
    if (lost.requeued() > 0 || !lost.dead().isEmpty()) {
      log.warn("recovered lost jobs: {} requeued, {} dead", lost.requeued(), lost.dead().size());
      deadLettered(lost.dead());
      wake.run();
    }
    return lost;
  }

  /**
   * At start on a store no other instance shares (SQLite, memory): every job still running was left
   * by the previous process, so all of them are recovered.
   */
  public LostJobs recoverOrphans() {
    Instant now = clock.instant();
    LostJobs lost = store.recoverLost(now, now.plusSeconds(1));
    if (lost.requeued() > 0 || !lost.dead().isEmpty()) {
      log.info(
          "requeued {} jobs left running by the previous process ({} were on their final"
              + " attempt and are dead)",
          lost.requeued(),
          lost.dead().size());
      deadLettered(lost.dead());
    }
    return lost;
  }

  /** Jobs lost on their final attempt are dead letters: counted and alerted, one by one. */
  private void deadLettered(List<Job> dead) {
    if (!dead.isEmpty()) {
      lostForGood.accept(dead);
    }
    DeadLetterLabels labels = new DeadLetterLabels(store);
    for (Job job : dead) {
      String label = PullQueues.deadLetterLabel(job);
      metrics.deadLettered(labels.metricLabel(job));
      String error = job.lastError() == null ? LostJobs.FINAL_ATTEMPT_LOST : job.lastError();
      alerts.accept(Alert.deadLetter(job.id(), label, job.attempt(), error));
    }
  }

  /** Dead-letters undelivered jobs older than {@code delivery.event_ttl}. */
  public List<Job> expireJobs() {
    Duration ttl = config.delivery().eventTtl();
    if (ttl == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Job> expired = store.expireJobs(now.minus(ttl), now);
    if (expired.isEmpty()) {
      return expired;
    }
    log.warn("{} undelivered jobs outlived the event TTL of {} and are dead", expired.size(), ttl);
    Map<String, Integer> perTarget = new TreeMap<>();
    DeadLetterLabels labels = new DeadLetterLabels(store);
    for (Job job : expired) {
      String label = PullQueues.deadLetterLabel(job);
      metrics.deadLettered(labels.metricLabel(job));
      perTarget.merge(label, 1, Integer::sum);
    }
    perTarget.forEach((target, jobs) -> alerts.accept(Alert.eventTtlExpired(target, jobs)));
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
    timer.close();
    cleanupTimer.close();
  }
}
