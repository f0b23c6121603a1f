package dev.qhook.config;

import java.time.Duration;

public record RetentionConfig(Duration events) {}
