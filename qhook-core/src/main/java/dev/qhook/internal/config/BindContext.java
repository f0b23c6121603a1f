package dev.qhook.internal.config;

import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.WorkerConfig;
import java.time.Duration;

/** What binding one section needs from sections bound before it. */
record BindContext(
    Problems problems, ServerConfig server, DeliveryConfig delivery, WorkerConfig worker) {
  RetryPolicy defaultRetry() {
    return delivery.defaultRetry();
  }

  Duration defaultTimeout() {
    return delivery.timeout();
  }

  boolean allowPrivateUrls() {
    return server.allowPrivateUrls();
  }

  /**
   * A request {@code timeout} at {@code key}, defaulting to {@code delivery.timeout}; an explicit
   * one must be positive and below {@code worker.stale_threshold_secs}
   * (docs/reference/configuration.md, "delivery").
   */
  Duration requestTimeout(Section section, String key) {
    Duration timeout = section.duration(key);
    if (timeout == null) {
      return defaultTimeout();
    }
    checkRequestTimeout(section, key, timeout, worker);
    return timeout;
  }

  static void checkRequestTimeout(
      Section section, String key, Duration timeout, WorkerConfig worker) {
    if (timeout.isZero()) {
      section.error(key, "must be > 0");
    } else if (timeout.compareTo(worker.staleThreshold()) >= 0) {
      section.error(
          key,
          "must be below worker.stale_threshold_secs ("
              + Durations.format(worker.staleThreshold())
              + "), was "
              + Durations.format(timeout));
    }
  }
}
