package dev.qhook.internal.queue;

import dev.qhook.Alert;
import dev.qhook.QueueClient;
import dev.qhook.QueueStats;
import dev.qhook.UnknownQueueException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.metrics.QueueMetrics;
import dev.qhook.internal.time.EngineScheduler;
import dev.qhook.internal.time.Timers;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.QueueCounts;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's pull queues: one {@link QueueClient} per configured queue, the wake-ups of waiting
 * consumers, and the lease-expiry sweep (every {@link #EXPIRY_EVERY}, so a lapsed lease is noticed
 * within a second; safe on every instance). Messages that go dead here or through a client count in
 * {@code qhook_dlq_total{handler="queue/<name>"}} and raise {@code dlq} alerts with that label.
 */
public final class PullQueues implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PullQueues.class);
  static final Duration EXPIRY_EVERY = Duration.ofMillis(500);

  /** Waiting consumers look again this often, for other instances' messages and ended delays. */
  public static final Duration RECHECK = Duration.ofSeconds(1);

  private final Store store;
  private final Clock clock;
  private final Context context;
  private final Map<String, StoreQueueClient> clients = new LinkedHashMap<>();
  private final ScheduledExecutorService timer;
  private volatile @Nullable EngineScheduler sweeps;
  private boolean failing; // only the timer thread reads and writes it

  /** What every queue client shares. */
  record Context(
      Store store,
      Clock clock,
      RandomGenerator random,
      QueueSignals signals,
      Executor executor,
      ScheduledExecutorService timer,
      QueueMetrics metrics,
      Consumer<Job> deadLettered,
      Runnable requireRunning,
      BooleanSupplier closed,
      Duration eventTtl,
      Duration recheck) {}

  /**
   * @param executor runs the later tries of asynchronous receives
   * @param alerts raises an alert (logged, then sent unless {@code alerts.on} excludes its kind)
   * @param requireRunning throws {@link dev.qhook.UnavailableException} unless the engine accepts
   *     work
   * @param recheck how often a waiting consumer looks again without a wake-up ({@link #RECHECK})
   */
  public PullQueues(
      QHookConfig config,
      Store store,
      Clock clock,
      RandomGenerator random,
      Executor executor,
      ThreadFactory timerThreads,
      EngineMetrics engineMetrics,
      Consumer<Alert> alerts,
      Runnable requireRunning,
      Duration recheck) {
    this.store = store;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(timerThreads);
    QueueMetrics metrics = new QueueMetrics(engineMetrics.registry());
    Duration ttl = config.delivery().eventTtl();
    this.context =
        new Context(
            store,
            clock,
            random,
            new QueueSignals(),
            executor,
            timer,
            metrics,
            job -> {
              String label = deadLetterLabel(job);
              engineMetrics.deadLettered(label);
              String error = job.lastError() == null ? "dead" : job.lastError();
              alerts.accept(Alert.deadLetter(job.id(), label, job.attempt(), error));
            },
            requireRunning,
            timer::isShutdown,
            ttl == null ? Duration.ZERO : ttl,
            recheck);
    for (QueueConfig queue : config.queues().values()) {
      clients.put(queue.name(), new StoreQueueClient(queue, context));
    }
    if (!clients.isEmpty()) {
      metrics.registerGauges(clients.keySet(), store::queueCounts, clock);
    }
  }

  /**
   * The name a dead job is counted and alerted under: its handler, {@code queue/<name>} for a queue
   * message, {@code outbound/<endpoint id>} for an outbound delivery (as its dlq alert).
   */
  public static String deadLetterLabel(Job job) {
    return switch (job.kind()) {
      case QUEUE -> "queue/" + job.target();
      case OUTBOUND -> "outbound/" + job.target();
      default -> job.target();
    };
  }

  /**
   * Starts the lease-expiry sweep on the engine's clock (on the queues' timer thread in real time);
   * on a stepped clock, each move also makes waiting consumers look again at once.
   */
  public void start(Timers timers) {
    if (!clients.isEmpty()) {
      EngineScheduler s = timers.over(timer);
      sweeps = s;
      s.scheduleEvery(this::expireLeasesGuarded, EXPIRY_EVERY, EXPIRY_EVERY);
      timers.afterMove(context.signals()::signalAll);
    }
  }

  public QueueClient client(String name) {
    StoreQueueClient client = clients.get(name);
    if (client == null) {
      throw new UnknownQueueException(name);
    }
    return client;
  }

  /** Every configured queue's counts, in config order, from one read of the store. */
  public Map<String, QueueStats> stats() {
    Map<String, QueueCounts> counts = store.queueCounts(clock.instant());
    Map<String, QueueStats> stats = new LinkedHashMap<>();
    for (String name : clients.keySet()) {
      stats.put(name, StoreQueueClient.stats(name, counts.getOrDefault(name, QueueCounts.EMPTY)));
    }
    return stats;
  }

  /** After a commit (on the commit thread): wakes the consumers of queues that got messages. */
  public void onStored(List<NewJob> jobs) {
    for (NewJob job : jobs) {
      if (job.kind() == JobKind.QUEUE) {
        context.signals().signal(job.target());
      }
    }
  }

  /** Ends lapsed leases (docs/reference/http-api.md, "Pull queues"). */
  public List<Job> expireLeases() {
    List<Job> expired = store.expireMessageLeases(clock.instant());
    for (Job job : expired) {
      context.metrics().expired(job.target());
      if (job.status() == JobStatus.DEAD) {
        context.deadLettered().accept(job);
      } else {
        context.signals().signal(job.target());
      }
    }
    if (!expired.isEmpty()) {
      log.debug("{} message leases lapsed", expired.size());
    }
    return expired;
  }

  /** A failure that repeats is logged at WARN once, then at DEBUG until a sweep succeeds. */
  private void expireLeasesGuarded() {
    try {
      expireLeases();
      failing = false;
    } catch (RuntimeException e) {
      if (failing) {
        log.debug("expiring message leases failed again: {}", e.getMessage());
      } else {
        log.warn("expiring message leases failed: {}", e.getMessage());
        failing = true;
      }
    }
  }

  /** Stops the sweep and wakes every waiting consumer, which then returns what it has. */
  @Override
  public void close() {
    EngineScheduler s = sweeps;
    if (s != null) {
      s.close();
    }
    timer.shutdownNow();
    context.signals().signalAll();
  }
}
