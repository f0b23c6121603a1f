package dev.qhook.internal.engine;

import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs and hands them to workers. It sleeps until woken (an ingest stored jobs, a worker
 * finished) or until the poll interval passes (jobs that became due, other instances' work). It
 * keeps at most {@code maxConcurrency} jobs in flight and renews their leases while they run.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** How the dispatcher is tuned. */
  public record Settings(
      int maxConcurrency,
      int batchSize,
      Duration pollInterval,
      Duration lease,
      Map<String, Integer> concurrencyLimits) {}

  private final Store store;
  private final Clock clock;
  private final Settings settings;
  private final ExecutorService workers;
  private final Consumer<ClaimedJob> worker;
  private final DatabaseHealth dbHealth;
  private final Runnable onDbFailure;
  private final Map<String, ClaimedJob> inFlight = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Thread loop;
  private boolean woken;
  private volatile boolean running;
  private volatile boolean claiming;
  private volatile Instant leasesRenewedAt = Instant.MIN;

  public Dispatcher(
      Store store,
      Clock clock,
      Settings settings,
      ExecutorService workers,
      Consumer<ClaimedJob> worker,
      DatabaseHealth dbHealth,
      Runnable onDbFailure) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.workers = workers;
    this.worker = worker;
    this.dbHealth = dbHealth;
    this.onDbFailure = onDbFailure;
    this.loop = new Thread(this::run, "qhook-dispatcher");
    loop.setDaemon(true);
  }

  public void start() {
    running = true;
    claiming = true;
    loop.start();
  }

  /**
   * Stops taking new jobs. The loop keeps renewing the leases of jobs in flight until {@link
   * #close()}, so that a shutdown drain longer than the lease does not hand them to others.
   */
  public void stopClaiming() {
    claiming = false;
    wake();
  }

  /** Asks for a claim round now. Cheap; safe from any thread. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Jobs handed to workers and not yet finished. */
  public List<ClaimedJob> inFlight() {
    return List.copyOf(inFlight.values());
  }

  private void run() {
    while (running) {
      boolean full = false;
      try {
        renewLeasesIfDue();
        int free = settings.maxConcurrency() - inFlight.size();
        full = free <= 0;
        if (claiming && !full) {
          List<ClaimedJob> claimed = claim(Math.min(free, settings.batchSize()));
          dbHealth.onSuccess();
          claimed.forEach(this::dispatch);
          if (claimed.size() == Math.min(free, settings.batchSize())) {
            continue; // more may be due: claim again without waiting
          }
        }
      } catch (RuntimeException e) {
        log.warn("claiming jobs failed: {}", e.getMessage());
        onDbFailure.run();
      }
      await(settings.pollInterval());
    }
  }

  private List<ClaimedJob> claim(int limit) {
    Instant now = clock.instant();
    return store.claim(
        new ClaimRequest(
            now,
            limit,
            now.plus(settings.lease()),
            Set.of(JobKind.HANDLER),
            settings.concurrencyLimits()));
  }

  private void dispatch(ClaimedJob claimed) {
    String id = claimed.job().id();
    inFlight.put(id, claimed);
    try {
      workers.execute(
          () -> {
            try {
              worker.accept(claimed);
            } catch (RuntimeException e) {
              log.error("job {} failed unexpectedly", id, e);
            } finally {
              inFlight.remove(id);
              wake();
            }
          });
    } catch (RuntimeException rejected) {
      inFlight.remove(id); // shutting down: the lease returns the job
    }
  }

  private void renewLeasesIfDue() {
    Instant now = clock.instant();
    Duration every = settings.lease().dividedBy(3);
    if (inFlight.isEmpty() || now.isBefore(leasesRenewedAt.plus(every))) {
      return;
    }
    store.extendLeases(List.copyOf(inFlight.keySet()), now.plus(settings.lease()));
    leasesRenewedAt = now;
  }

  private void await(Duration timeout) {
    lock.lock();
    try {
      if (!woken && running) {
        wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops claiming and renewing leases. In-flight jobs keep running. */
  @Override
  public void close() {
    claiming = false;
    running = false;
    wake();
    try {
      loop.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
