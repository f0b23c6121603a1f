package dev.qhook.internal.config;

import dev.qhook.config.ApiConfig;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.RetentionConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Binds the sections without named entries: database, server, api, delivery, worker, retention. */
final class GlobalSectionsBinder {
  private static final int MAX_INT = Integer.MAX_VALUE;

  private GlobalSectionsBinder() {}

  static DatabaseConfig database(Section s, @Nullable Path workingDir) {
    s.allowOnly(List.of("driver", "url", "max_connections"));
    String url = s.string("url", DatabaseConfig.DEFAULT_URL);
    Optional<DatabaseDriver> implied = DatabaseUrls.driverOf(url);
    if (!DatabaseUrls.isAccepted(url)) {
      s.error(
          "url",
          "unsupported database URL '"
              + DatabaseUrls.redact(url)
              + "' (forms: sqlite:FILE, postgres://user:pass@host:port/db, mysql://…, jdbc:…)");
    }
    String driverName =
        s.oneOf(
            "driver",
            "database driver",
            List.of("sqlite", "postgres", "mysql"),
            implied.orElse(DatabaseDriver.SQLITE).name().toLowerCase(Locale.ROOT),
            false);
    DatabaseDriver driver = DatabaseDriver.valueOf(driverName.toUpperCase(Locale.ROOT));
    if (driver != DatabaseDriver.SQLITE && !s.has("url")) {
      s.error("url", "required for driver '" + driverName + "'");
    } else if (implied.isPresent() && implied.get() != driver) {
      s.error(
          "url",
          "a "
              + implied.get().name().toLowerCase(Locale.ROOT)
              + " URL does not fit driver '"
              + driverName
              + "'");
    }
    int maxConnections =
        s.integer("max_connections", DatabaseConfig.DEFAULT_MAX_CONNECTIONS, 1, MAX_INT);
    String resolved = workingDir == null ? url : DatabaseUrls.resolveSqliteFile(url, workingDir);
    return new DatabaseConfig(driver, resolved, maxConnections);
  }

  static ServerConfig server(Section s) {
    s.allowOnly(
        List.of(
            "host",
            "port",
            "public_url",
            "max_body_size",
            "max_inbound",
            "ip_rate_limit",
            "trust_proxy",
            "allow_private_urls",
            "skip_endpoint_verification"));
    ServerConfig d = ServerConfig.DEFAULT;
    return new ServerConfig(
        s.string("host", d.host()),
        s.integer("port", d.port(), 1, 65535),
        UrlChecks.plain(s, "public_url"),
        s.integer("max_body_size", d.maxBodySize(), 1, MAX_INT),
        s.integer("max_inbound", d.maxInbound(), 1, MAX_INT),
        s.integer("ip_rate_limit", d.ipRateLimit(), 0, MAX_INT),
        s.bool("trust_proxy", d.trustProxy()),
        s.bool("allow_private_urls", d.allowPrivateUrls()),
        s.bool("skip_endpoint_verification", d.skipEndpointVerification()));
  }

  static ApiConfig api(Section s) {
    s.allowOnly(List.of("auth_token", "metrics_auth_token"));
    return new ApiConfig(nonEmpty(s, "auth_token"), nonEmpty(s, "metrics_auth_token"));
  }

  /**
   * Upper bounds of {@code worker.max_concurrency} and {@code worker.batch_size}: the dispatcher
   * holds up to the first plus six times the second, and renews all their leases in one statement.
   */
  static final int MAX_WORKER_CONCURRENCY = 10_000;

  static final int MAX_BATCH_SIZE = 1_000;

  static WorkerConfig worker(Section s) {
    s.allowOnly(
        List.of(
            "max_concurrency",
            "batch_size",
            "stale_threshold_secs",
            "drain_timeout_secs",
            "retention_hours"));
    WorkerConfig d = WorkerConfig.DEFAULT;
    return new WorkerConfig(
        s.integer("max_concurrency", d.maxConcurrency(), 1, MAX_WORKER_CONCURRENCY),
        s.integer("batch_size", d.batchSize(), 1, MAX_BATCH_SIZE),
        Duration.ofSeconds(
            s.integer("stale_threshold_secs", (int) d.staleThreshold().toSeconds(), 1, MAX_INT)),
        Duration.ofSeconds(
            s.integer("drain_timeout_secs", (int) d.drainTimeout().toSeconds(), 0, MAX_INT)),
        Duration.ofHours(
            s.integer("retention_hours", (int) d.jobRetention().toHours(), 1, MAX_INT)));
  }

  static DeliveryConfig delivery(Section s, WorkerConfig worker) {
    s.allowOnly(
        List.of("timeout", "default_retry", "event_ttl", "signing_secret", "max_step_payload"));
    Duration timeout = s.duration("timeout", DeliveryConfig.DEFAULT_TIMEOUT);
    if (s.has("timeout")) {
      BindContext.checkRequestTimeout(s, "timeout", timeout, worker);
    } else if (timeout.compareTo(worker.staleThreshold()) >= 0) {
      s.problems()
          .error(
              "worker.stale_threshold_secs",
              "must be above delivery.timeout (" + Durations.format(timeout) + ")");
    }
    RetryPolicy defaultRetry = RetryBinder.bind(s, "default_retry", RetryPolicy.DEFAULT);
    Duration eventTtl = s.duration("event_ttl");
    if (eventTtl != null && eventTtl.isZero()) {
      s.error("event_ttl", "must be > 0");
    }
    return new DeliveryConfig(
        timeout,
        defaultRetry,
        eventTtl,
        nonEmpty(s, "signing_secret"),
        s.integer("max_step_payload", DeliveryConfig.DEFAULT_MAX_STEP_PAYLOAD, 1, MAX_INT));
  }

  static RetentionConfig retention(Section s) {
    s.allowOnly(List.of("events"));
    Duration events = s.duration("events", RetentionConfig.DEFAULT.events());
    if (events.isZero()) {
      s.error("events", "must be > 0");
    }
    return new RetentionConfig(events);
  }

  /** A string that reads as unset when empty (an unset variable expands to empty). */
  private static @Nullable String nonEmpty(Section s, String key) {
    String value = s.string(key);
    return value == null || value.isEmpty() ? null : value;
  }
}
