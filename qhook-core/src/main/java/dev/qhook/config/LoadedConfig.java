package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A valid config and the warnings found while loading it (docs/reference/configuration.md,
 * "Warnings"), for an application to log and for {@code qhook validate} to print.
 *
 * @param warnings variables that were referenced but not set, then {@link QHookConfig#warnings()}
 */
public record LoadedConfig(QHookConfig config, List<String> warnings) {
  public LoadedConfig {
    requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
