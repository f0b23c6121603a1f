package dev.qhook.internal.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.AlertsConfig;
import dev.qhook.config.ApiConfig;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.RetentionConfig;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.WorkerConfig;
import dev.qhook.config.WorkflowConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sections of a config as this package binds and checks them, with the components of {@code
 * QHookConfig}. The public record is assembled from this one by {@code dev.qhook.config}, so that
 * this package never refers back to it (the dependency runs one way: public to internal).
 */
public record BoundConfig(
    DatabaseConfig database,
    ServerConfig server,
    ApiConfig api,
    DeliveryConfig delivery,
    WorkerConfig worker,
    RetentionConfig retention,
    Map<String, SourceConfig> sources,
    Map<String, HandlerConfig> handlers,
    Map<String, QueueConfig> queues,
    Map<String, WorkflowConfig> workflows,
    @Nullable AlertsConfig alerts) {
  public BoundConfig {
    requireNonNull(database, "database");
    requireNonNull(server, "server");
    requireNonNull(api, "api");
    requireNonNull(delivery, "delivery");
    requireNonNull(worker, "worker");
    requireNonNull(retention, "retention");
    sources = ordered(sources);
    handlers = ordered(handlers);
    queues = ordered(queues);
    workflows = ordered(workflows);
  }

  /** This config with {@code queues} and {@code workflows} in place of its own. */
  BoundConfig withConsumers(
      Map<String, QueueConfig> queues, Map<String, WorkflowConfig> workflows) {
    return new BoundConfig(
        database, server, api, delivery, worker, retention, sources, handlers, queues, workflows,
        alerts);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
