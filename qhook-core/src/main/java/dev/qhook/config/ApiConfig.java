package dev.qhook.config;

import org.jspecify.annotations.Nullable;

public record ApiConfig(@Nullable String authToken, @Nullable String metricsAuthToken) {}
