package dev.qhook.config;

import java.time.Duration;

public record WorkerConfig(
    int maxConcurrency,
    int batchSize,
    Duration staleThreshold,
    Duration drainTimeout,
    Duration jobRetention) {}
