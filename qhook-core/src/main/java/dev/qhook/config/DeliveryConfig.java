package dev.qhook.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

public record DeliveryConfig(
    Duration timeout,
    RetryPolicy defaultRetry,
    @Nullable Duration eventTtl,
    @Nullable String signingSecret) {}
