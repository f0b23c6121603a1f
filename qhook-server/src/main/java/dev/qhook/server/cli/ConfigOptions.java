package dev.qhook.server.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code -c/--config} and {@code -e/--env}, shared by every command that reads config. */
public final class ConfigOptions {
  static final String DEFAULT_FILE = "qhook.yaml";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "PATH",
      description = "Config file (default: $QHOOK_CONFIG or qhook.yaml).")
  @Nullable Path config;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "NAME",
      description = "Environment overlay qhook.NAME.yaml and .env.NAME (default: $QHOOK_ENV).")
  @Nullable String env;

  /**
   * This command's file, else the parent command's, else {@code QHOOK_CONFIG}, else the default.
   */
  Path file(CliContext context, @Nullable ConfigOptions parent) {
    Path chosen = config != null ? config : parent != null ? parent.config : null;
    if (chosen == null) {
      String fromEnv = context.env("QHOOK_CONFIG");
      chosen = Path.of(fromEnv != null ? fromEnv : DEFAULT_FILE);
    }
    return context.workDir().resolve(chosen);
  }

  @Nullable String envName(@Nullable ConfigOptions parent) {
    return env != null ? env : parent != null ? parent.env : null;
  }
}
