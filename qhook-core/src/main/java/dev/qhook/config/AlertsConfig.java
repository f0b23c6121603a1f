package dev.qhook.config;

public record AlertsConfig(String url) {}
