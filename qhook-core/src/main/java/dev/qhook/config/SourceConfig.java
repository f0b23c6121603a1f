package dev.qhook.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record SourceConfig(
    String name,
    SourceType type,
    @Nullable String verify,
    List<String> secrets,
    @Nullable String publicUrl,
    Duration tolerance,
    List<String> allowedIps,
    @Nullable String schema,
    boolean skipVerify,
    @Nullable String schedule,
    ZoneId timezone,
    RetryPolicy retry,
    Duration timeout,
    Duration rotationGrace,
    Duration disableAfter) {}
