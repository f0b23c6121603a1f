package dev.qhook.internal.engine;

import dev.qhook.Health;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Reads the engine's health from the database (docs/reference/http-api.md, "GET /health") and keeps
 * the answer for {@link #CACHE_FOR}, so that a flood of calls costs at most one probe (a ping and a
 * count of jobs by status) per second. While a probe runs, other callers get the previous answer
 * instead of queueing behind a slow database; only the very first callers wait.
 */
final class HealthProbe {
  /** How long an answer is reused: 1 s. */
  static final Duration CACHE_FOR = Duration.ofSeconds(1);

  private record Answer(Health health, Instant readAt) {}

  private final Store store;
  private final DatabaseHealth dbHealth;
  private final Clock clock;
  private final ReentrantLock probing = new ReentrantLock();
  private volatile @Nullable Answer last;

  HealthProbe(Store store, DatabaseHealth dbHealth, Clock clock) {
    this.store = store;
    this.dbHealth = dbHealth;
    this.clock = clock;
  }

  Health health() {
    Answer answer = last;
    if (isFresh(answer)) {
      return answer.health();
    }
    if (!probing.tryLock()) {
      if (answer != null) {
        return answer.health(); // another caller is probing
      }
      probing.lock();
    }
    try {
      answer = last;
      if (isFresh(answer)) {
        return answer.health();
      }
      Health health = probe();
      last = new Answer(health, clock.instant());
      return health;
    } finally {
      probing.unlock();
    }
  }

  /** Read less than {@link #CACHE_FOR} ago (a clock that went back makes it stale). */
  private boolean isFresh(@Nullable Answer answer) {
    if (answer == null) {
      return false;
    }
    Instant now = clock.instant();
    return !now.isBefore(answer.readAt()) && now.isBefore(answer.readAt().plus(CACHE_FOR));
  }

  private Health probe() {
    Map<JobStatus, Long> counts;
    try {
      if (!store.ping()) {
        dbHealth.onFailure();
        return unreachable();
      }
      counts = store.countJobsByStatus();
    } catch (RuntimeException e) {
      dbHealth.onFailure();
      return unreachable();
    }
    dbHealth.onSuccess();
    long depth =
        counts.getOrDefault(JobStatus.AVAILABLE, 0L) + counts.getOrDefault(JobStatus.RETRYABLE, 0L);
    long dead = counts.getOrDefault(JobStatus.DEAD, 0L);
    Health.Status status =
        dbHealth.takeRecovered()
            ? Health.Status.RECOVERED
            : dead > 0 ? Health.Status.DEGRADED : Health.Status.OK;
    return new Health(status, true, depth, dead, null);
  }

  private static Health unreachable() {
    return new Health(Health.Status.ERROR, false, 0, 0, "database unreachable");
  }
}
