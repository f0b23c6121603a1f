package dev.qhook.config;

import org.jspecify.annotations.Nullable;

public record ServerConfig(
    String host,
    int port,
    @Nullable String publicUrl,
    int maxBodySize,
    int maxInbound,
    int ipRateLimit,
    boolean trustProxy,
    boolean allowPrivateUrls,
    boolean skipEndpointVerification) {}
