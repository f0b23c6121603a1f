package dev.qhook.internal.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.QHookConfig;
import java.util.List;

/**
 * A valid config and the warnings found while loading it (SPEC §2.11), for {@code qhook validate}
 * and start-up to print.
 */
public record LoadedConfig(QHookConfig config, List<String> warnings) {
  public LoadedConfig {
    requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
