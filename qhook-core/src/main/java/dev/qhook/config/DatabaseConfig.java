package dev.qhook.config;

public record DatabaseConfig(DatabaseDriver driver, String url, int maxConnections) {}
