package dev.qhook.internal.engine;

import dev.qhook.Health;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Store;
import java.util.Map;

/** Reads the engine's health from the database (docs/reference/http-api.md, "GET /health"). */
final class HealthProbe {
  private HealthProbe() {}

  static Health probe(Store store, DatabaseHealth dbHealth) {
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
