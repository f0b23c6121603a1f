package dev.qhook.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

public record HandlerConfig(
    String name,
    String source,
    List<String> events,
    String url,
    String method,
    Map<String, String> headers,
    @Nullable String filter,
    @Nullable String transform,
    @Nullable String idempotencyKey,
    RetryPolicy retry,
    Duration timeout,
    @Nullable Double rateLimit,
    @Nullable Integer maxConcurrency,
    @Nullable String orderingKey) {}
