package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The {@code worker} section (docs/reference/configuration.md, "worker"). The config keys {@code
 * stale_threshold_secs}, {@code drain_timeout_secs} and {@code retention_hours} are integers; here
 * they are durations.
 *
 * @param maxConcurrency deliveries in flight per instance; default 10
 * @param batchSize jobs claimed per poll; default 10
 * @param staleThreshold a job {@code running} longer than this is reclaimed; default 300 s
 * @param drainTimeout shutdown wait for in-flight deliveries; default 30 s
 * @param jobRetention finished jobs are deleted this long after finishing; default 72 h
 */
public record WorkerConfig(
    int maxConcurrency,
    int batchSize,
    Duration staleThreshold,
    Duration drainTimeout,
    Duration jobRetention) {
  public static final WorkerConfig DEFAULT =
      new WorkerConfig(
          10, 10, Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofHours(72));

  public WorkerConfig {
    requireNonNull(staleThreshold, "staleThreshold");
    requireNonNull(drainTimeout, "drainTimeout");
    requireNonNull(jobRetention, "jobRetention");
  }
}
