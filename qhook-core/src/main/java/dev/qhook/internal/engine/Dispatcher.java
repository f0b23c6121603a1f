package dev.qhook.internal.engine;

import dev.qhook.internal.ingest.HandOff;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due handler and workflow step jobs in batches and feeds them to {@code maxConcurrency}
 * worker loops through a local ready queue. It holds up to two batches more than the workers can
 * run, so a worker that finishes finds its next job waiting instead of waiting for a claim; it
 * claims again once a whole batch fits, or at once when the workers have nothing left. A worker
 * hands its outcome to the completion sink (or starts its write itself: a workflow transition, see
 * {@link WorkerOutcome}) and takes the next job without waiting for the write; the job leaves the
 * dispatcher's books when its outcome is stored, and until then counts toward the claims' room only
 * beyond an allowance of {@value #UNSTORED_ALLOWANCE_BATCHES} batches.
 *
 * <p>A job that waited in the ready queue more than {@link #START_SLACK} has the start of its
 * attempt recorded when a worker takes it ({@link Store#markStarted}), so that the stale threshold
 * counts from the start of the attempt, not from the claim.
 *
 * <p>The dispatcher sleeps until woken (an ingest stored jobs; an outcome was stored while due jobs
 * may be waiting for room) or until the poll interval passes (jobs that became due, other
 * instances' work), and renews the leases of every job it holds. An outcome stored after a claim
 * found every due job does not wake it: that claim would find nothing, at the cost of a transaction
 * per delivery under a steady trickle.
 */
public final class Dispatcher implements HandOff, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final long WORKER_POLL_MS = 200;

  /**
   * A job that waited in the ready queue longer than this gets the start of its attempt recorded:
   * the stale threshold then counts from it, give or take this much.
   */
  static final Duration START_SLACK = Duration.ofSeconds(1);

  /** Outcomes waiting to be stored hold back claims only beyond this many batches of them. */
  static final int UNSTORED_ALLOWANCE_BATCHES = 4;

  private final Store store;
  private final Clock clock;
  private final DispatchSettings settings;
  private final ExecutorService workers;
  private final Function<ClaimedJob, WorkerOutcome> worker;
  private final Function<Completion, CompletableFuture<?>> completions;
  private final DatabaseHealth dbHealth;
  private final Runnable onDbFailure;

  /** Claimed and not yet stored as done: waiting in {@link #ready}, running, or being recorded. */
  private final Map<String, ClaimedJob> held = new ConcurrentHashMap<>();

  private final BlockingQueue<ClaimedJob> ready = new LinkedBlockingQueue<>();

  /** Jobs whose outcome a worker handed over and whose write has not finished. */
  private final AtomicInteger unstored = new AtomicInteger();

  /** Places reserved for jobs being leased at ingest, not yet settled. */
  private int reservedAtIngest;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Thread loop;
  private boolean woken;
  private volatile boolean looping;
  private volatile boolean claiming;
  private volatile Instant leasesRenewedAt = Instant.MIN;

  /**
   * False once a claim found fewer due jobs than it asked for: until new work is announced ({@link
   * #wake()}) or the poll interval passes, a finished job makes room but no claim worth a
   * transaction (docs/benchmarks.md, "Steady load").
   */
  private volatile boolean moreMayBeDue = true;

  public Dispatcher(
      Store store,
      Clock clock,
      DispatchSettings settings,
      ExecutorService workers,
      Function<ClaimedJob, WorkerOutcome> worker,
      Function<Completion, CompletableFuture<?>> completions,
      DatabaseHealth dbHealth,
      Runnable onDbFailure) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.workers = workers;
    this.worker = worker;
    this.completions = completions;
    this.dbHealth = dbHealth;
    this.onDbFailure = onDbFailure;
    this.loop = new Thread(this::run, "qhook-dispatcher");
    loop.setDaemon(true);
  }

  public void start() {
    looping = true;
    claiming = true;
    for (int i = 0; i < settings.maxConcurrency(); i++) {
      workers.execute(this::work);
    }
    loop.start();
  }

  /** New work may be due (stored, retried, recovered): asks for a claim round now. */
  public void wake() {
    moreMayBeDue = true;
    signal();
  }

  /** A held job settled: claims again only if the last claim may have left due jobs behind. */
  private void roomFreed() {
    if (moreMayBeDue) {
      signal();
    }
  }

  private void signal() {
    lock.lock();
    try {
      woken = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking new jobs and returns those claimed but not started, for the caller to release.
   * Running jobs finish; the loop keeps renewing their leases until {@link #close()}.
   */
  public List<ClaimedJob> stopClaiming() {
    claiming = false;
    List<ClaimedJob> unstarted = new ArrayList<>();
    ready.drainTo(unstarted);
    unstarted.forEach(c -> held.remove(c.job().id(), c));
    wake();
    return unstarted;
  }

  /** Every job claimed and not yet settled: waiting to start, running, or being recorded. */
  public List<ClaimedJob> unsettled() {
    return List.copyOf(held.values());
  }

  /**
   * How many more jobs may be claimed: the running and waiting ones may reach the workers plus two
   * batches, so that a batch still waits while the next one is claimed (with one batch of headroom
   * the next claim waited until the ready queue was empty, and workers sat idle through it). Jobs
   * whose outcome is being stored count only beyond {@link #UNSTORED_ALLOWANCE_BATCHES} batches:
   * the completion writer is the busiest single thread of a delivery round, and its backlog must
   * not stop the workers, only bound how far they run ahead of it.
   */
  private int room() {
    return settings.maxConcurrency() + 2 * settings.batchSize() - counted();
  }

  /** Jobs that count against the room: held (but for the allowance) and reserved at ingest. */
  private int counted() {
    int allowance = UNSTORED_ALLOWANCE_BATCHES * settings.batchSize();
    return held.size() - Math.min(unstored.get(), allowance) + reservedAtIngest();
  }

  private synchronized int reservedAtIngest() {
    return reservedAtIngest;
  }

  /**
   * Grants places while the workers could start the jobs at once: fewer jobs held than workers. A
   * busier instance claims instead, where a batch costs one transaction whatever its size.
   */
  @Override
  public synchronized int reserve(int wanted) {
    if (!claiming) {
      return 0;
    }
    int allowance = UNSTORED_ALLOWANCE_BATCHES * settings.batchSize();
    int busy = held.size() - Math.min(unstored.get(), allowance) + reservedAtIngest;
    int granted = Math.max(0, Math.min(wanted, settings.maxConcurrency() - busy));
    reservedAtIngest += granted;
    return granted;
  }

  @Override
  public void settle(int reserved, List<ClaimedJob> stored) {
    for (ClaimedJob c : stored) {
      held.put(c.job().id(), c);
      ready.add(c);
    }
    synchronized (this) {
      reservedAtIngest -= reserved;
    }
    if (stored.size() < reserved) {
      roomFreed();
    }
  }

  @Override
  public Duration lease() {
    return settings.lease();
  }

  private void run() {
    while (looping) {
      try {
        renewLeasesIfDue();
        if (claiming && claimRound()) {
          continue; // a full batch came back: more may be due
        }
      } catch (RuntimeException e) {
        moreMayBeDue = true;
        log.warn("claiming jobs failed: {}", e.getMessage());
        onDbFailure.run();
      }
      await(settings.pollInterval());
    }
  }

  /** Claims if a whole batch fits, or if the workers have run dry. Returns true on a full batch. */
  private boolean claimRound() {
    int want = Math.min(room(), settings.batchSize());
    if (want <= 0 || (want < settings.batchSize() && !ready.isEmpty())) {
      return false; // no room yet: a settled job signals when there is
    }
    moreMayBeDue = false; // a wake() from here on asks again
    List<ClaimedJob> claimed = claim(want);
    dbHealth.onSuccess();
    for (ClaimedJob c : claimed) {
      held.put(c.job().id(), c);
      ready.add(c);
    }
    if (claimed.size() == want) {
      moreMayBeDue = true;
      return true;
    }
    return false;
  }

  private List<ClaimedJob> claim(int limit) {
    Instant now = clock.instant();
    return store.claim(
        new ClaimRequest(
            now,
            limit,
            now.plus(settings.lease()),
            Set.of(JobKind.HANDLER, JobKind.WORKFLOW_STEP, JobKind.OUTBOUND),
            settings.concurrencyLimits()));
  }

  /** One worker loop: take a ready job, run it, hand its outcome over, repeat. */
  private void work() {
    try {
      while (true) {
        ClaimedJob next = ready.poll(WORKER_POLL_MS, TimeUnit.MILLISECONDS);
        if (next == null) {
          if (!claiming) {
            return;
          }
          continue;
        }
        runOne(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a job with its ids in the logging context of this thread (see {@link JobLogContext}). */
  private void runOne(ClaimedJob claimed) {
    try (JobLogContext ignored = JobLogContext.open(claimed.job())) {
      runInContext(claimed);
    }
  }

  private void runInContext(ClaimedJob claimed) {
    String id = claimed.job().id();
    recordStartIfItWaited(claimed);
    WorkerOutcome outcome;
    try {
      outcome = worker.apply(claimed);
    } catch (Throwable e) { // even an Error must not strand the job or end this loop
      log.error("job {} failed unexpectedly; its lease will return it", id, e);
      held.remove(id, claimed); // no more renewals: the lease lapses and the job is recovered
      roomFreed();
      return;
    }
    unstored.incrementAndGet();
    CompletionStage<?> write =
        outcome instanceof WorkerOutcome.Complete c
            ? completions.apply(c.completion())
            : ((WorkerOutcome.Storing) outcome).write();
    write.whenComplete(
        (done, failed) -> {
          unstored.decrementAndGet();
          // Only this claim's entry: a newer claim of the same job may already be held.
          held.remove(id, claimed);
          roomFreed();
        });
  }

  /**
   * A job's {@code started_at} is its claim time; one that waited in the ready queue longer than
   * {@link #START_SLACK} gets the real start of its attempt recorded, so that the stale threshold
   * counts from it and a long wait is not taken for a stuck delivery (docs/architecture.md). Jobs
   * taken at once, the usual case, cost no write. A failed write leaves the claim time.
   */
  private void recordStartIfItWaited(ClaimedJob claimed) {
    Instant claimedAt = claimed.job().startedAt();
    Instant now = clock.instant();
    if (claimedAt != null && !now.isAfter(claimedAt.plus(START_SLACK))) {
      return;
    }
    try {
      store.markStarted(claimed.job().id(), claimed.job().attempt(), now);
    } catch (RuntimeException e) {
      log.warn("recording the start of job {} failed: {}", claimed.job().id(), e.getMessage());
      onDbFailure.run();
    }
  }

  private void renewLeasesIfDue() {
    Instant now = clock.instant();
    Duration every = settings.lease().dividedBy(3);
    if (held.isEmpty() || now.isBefore(leasesRenewedAt.plus(every))) {
      return;
    }
    store.extendLeases(List.copyOf(held.keySet()), now.plus(settings.lease()));
    leasesRenewedAt = now;
  }

  private void await(Duration timeout) {
    lock.lock();
    try {
      if (!woken && looping) {
        wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      looping = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops claiming and renewing leases, waiting for a claim under way to finish (its jobs land in
   * the ready queue, for a last {@link #stopClaiming()}). Unsettled jobs are the caller's.
   */
  @Override
  public void close() {
    claiming = false;
    looping = false;
    wake();
    try {
      loop.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
