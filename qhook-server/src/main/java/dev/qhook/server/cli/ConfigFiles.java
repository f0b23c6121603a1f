package dev.qhook.server.cli;

import dev.qhook.config.QHookConfig;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loads the config for a command (SPEC §2.1); problems become a {@link CliFailure}. */
final class ConfigFiles {
  /** A valid config and the warnings found while loading it. */
  record Loaded(QHookConfig config, List<String> warnings) {}

  private ConfigFiles() {}

  static Loaded load(CliContext context, Path file, @Nullable String envName) {
    throw new CliFailure("config loader not available in this build");
  }
}
