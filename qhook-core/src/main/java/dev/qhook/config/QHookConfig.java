package dev.qhook.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

public record QHookConfig(
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
    @Nullable AlertsConfig alerts) {}
