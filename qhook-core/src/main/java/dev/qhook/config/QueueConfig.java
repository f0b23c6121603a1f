package dev.qhook.config;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record QueueConfig(
    String name,
    String source,
    List<String> events,
    @Nullable String filter,
    @Nullable String idempotencyKey,
    @Nullable String orderingKey,
    Duration visibilityTimeout,
    int maxAttempts,
    RetryPolicy retry,
    @Nullable String apiKey) {}
