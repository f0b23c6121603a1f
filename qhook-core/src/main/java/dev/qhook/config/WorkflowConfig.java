package dev.qhook.config;

import java.util.List;

public record WorkflowConfig(String name, String source, List<String> events) {}
