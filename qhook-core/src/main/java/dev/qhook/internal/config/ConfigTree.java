package dev.qhook.internal.config;

import static dev.qhook.internal.config.TreeValues.duration;
import static dev.qhook.internal.config.TreeValues.lower;
import static dev.qhook.internal.config.TreeValues.putIf;
import static dev.qhook.internal.config.TreeValues.putIfSet;

import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.config.AlertsConfig;
import dev.qhook.config.ApiConfig;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.RetentionConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.WorkerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tree a config file would hold for a config built in code, so that code and YAML go through
 * the same binder and so are checked by the same rules, with the same paths and messages.
 *
 * <p>A global setting is written only when it differs from its default, so that an absent key means
 * what it means in a file. Workflows are not written: they are refused before binding matters (see
 * {@link Unsupported}).
 */
final class ConfigTree {
  private ConfigTree() {}

  static Map<String, Object> of(BoundConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    putSection(root, "database", database(config.database()));
    putSection(root, "server", server(config.server()));
    putSection(root, "api", api(config.api()));
    putSection(root, "delivery", delivery(config.delivery()));
    putSection(root, "worker", worker(config.worker()));
    putSection(root, "retention", retention(config.retention()));
    Map<String, Object> sources = new LinkedHashMap<>();
    config.sources().forEach((name, s) -> sources.put(name, EntryTrees.source(s, config)));
    putSection(root, "sources", sources);
    Map<String, Object> handlers = new LinkedHashMap<>();
    config.handlers().forEach((name, h) -> handlers.put(name, EntryTrees.handler(h)));
    putSection(root, "handlers", handlers);
    Map<String, Object> queues = new LinkedHashMap<>();
    config.queues().forEach((name, q) -> queues.put(name, EntryTrees.queue(q)));
    putSection(root, "queues", queues);
    if (config.alerts() != null) {
      root.put("alerts", alerts(config.alerts()));
    }
    return root;
  }

  private static Map<String, Object> database(DatabaseConfig d) {
    Map<String, Object> m = new LinkedHashMap<>();
    DatabaseDriver implied = DatabaseUrls.driverOf(d.url()).orElse(DatabaseDriver.SQLITE);
    putIf(m, d.driver() != implied, "driver", lower(d.driver()));
    putIf(m, !d.url().equals(DatabaseConfig.DEFAULT_URL), "url", d.url());
    putIf(
        m,
        d.maxConnections() != DatabaseConfig.DEFAULT_MAX_CONNECTIONS,
        "max_connections",
        d.maxConnections());
    return m;
  }

  private static Map<String, Object> server(ServerConfig s) {
    ServerConfig d = ServerConfig.DEFAULT;
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, !s.host().equals(d.host()), "host", s.host());
    putIf(m, s.port() != d.port(), "port", s.port());
    putIfSet(m, "public_url", s.publicUrl());
    putIf(m, s.maxBodySize() != d.maxBodySize(), "max_body_size", s.maxBodySize());
    putIf(m, s.maxInbound() != d.maxInbound(), "max_inbound", s.maxInbound());
    putIf(m, s.ipRateLimit() != d.ipRateLimit(), "ip_rate_limit", s.ipRateLimit());
    putIf(m, s.trustProxy() != d.trustProxy(), "trust_proxy", s.trustProxy());
    putIf(
        m,
        s.allowPrivateUrls() != d.allowPrivateUrls(),
        "allow_private_urls",
        s.allowPrivateUrls());
    putIf(
        m,
        s.skipEndpointVerification() != d.skipEndpointVerification(),
        "skip_endpoint_verification",
        s.skipEndpointVerification());
    return m;
  }

  private static Map<String, Object> api(ApiConfig a) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "auth_token", a.authToken());
    putIfSet(m, "metrics_auth_token", a.metricsAuthToken());
    return m;
  }

  private static Map<String, Object> delivery(DeliveryConfig d) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, !d.timeout().equals(DeliveryConfig.DEFAULT_TIMEOUT), "timeout", duration(d.timeout()));
    putIf(
        m,
        !d.defaultRetry().equals(RetryPolicy.DEFAULT),
        "default_retry",
        EntryTrees.retry(d.defaultRetry()));
    if (d.eventTtl() != null) {
      m.put("event_ttl", duration(d.eventTtl()));
    }
    putIfSet(m, "signing_secret", d.signingSecret());
    putIf(
        m,
        d.maxStepPayload() != DeliveryConfig.DEFAULT_MAX_STEP_PAYLOAD,
        "max_step_payload",
        d.maxStepPayload());
    return m;
  }

  private static Map<String, Object> worker(WorkerConfig w) {
    WorkerConfig d = WorkerConfig.DEFAULT;
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, w.maxConcurrency() != d.maxConcurrency(), "max_concurrency", w.maxConcurrency());
    putIf(m, w.batchSize() != d.batchSize(), "batch_size", w.batchSize());
    putIf(
        m,
        !w.staleThreshold().equals(d.staleThreshold()),
        "stale_threshold_secs",
        whole(w.staleThreshold(), Duration.ofSeconds(1)));
    putIf(
        m,
        !w.drainTimeout().equals(d.drainTimeout()),
        "drain_timeout_secs",
        whole(w.drainTimeout(), Duration.ofSeconds(1)));
    putIf(
        m,
        !w.jobRetention().equals(d.jobRetention()),
        "retention_hours",
        whole(w.jobRetention(), Duration.ofHours(1)));
    return m;
  }

  private static Map<String, Object> retention(RetentionConfig r) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, !r.events().equals(RetentionConfig.DEFAULT.events()), "events", duration(r.events()));
    return m;
  }

  private static Map<String, Object> alerts(AlertsConfig a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", a.url());
    putIf(m, a.type() != AlertType.GENERIC, "type", lower(a.type()));
    if (!a.on().equals(AlertsConfig.DEFAULT_KINDS)) {
      m.put("on", a.on().stream().sorted().map(AlertKind::label).toList());
    }
    return m;
  }

  /** {@code d} as a whole number of {@code unit}, or in ISO form (reported) if it is not one. */
  private static Object whole(Duration d, Duration unit) {
    long units = d.dividedBy(unit);
    return unit.multipliedBy(units).equals(d) && !d.isNegative() ? (Object) units : d.toString();
  }

  private static void putSection(Map<String, Object> root, String key, Map<String, Object> m) {
    if (!m.isEmpty()) {
      root.put(key, m);
    }
  }
}
