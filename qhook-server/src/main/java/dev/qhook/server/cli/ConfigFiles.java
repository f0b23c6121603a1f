package dev.qhook.server.cli;

import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.ConfigProblem;
import dev.qhook.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Loads the config for a command (docs/reference/configuration.md, "Loading order") in the
 * command's working directory and environment. Problems are printed one per line as {@code path:
 * message}, and the command fails with exit 1.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  static LoadedConfig load(CliContext context, Path file, @Nullable String envName) {
    try {
      return loadOrThrow(context, file, envName);
    } catch (ConfigException e) {
      PrintWriter err = context.err();
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      int count = e.problems().size();
      throw new CliFailure(
          "invalid config "
              + context.workDir().relativize(file.toAbsolutePath())
              + ": "
              + count
              + (count == 1 ? " problem" : " problems"));
    }
  }

  /**
   * @throws ConfigException listing every problem
   */
  static LoadedConfig loadOrThrow(CliContext context, Path file, @Nullable String envName) {
    return ConfigLoader.builder()
        .envName(envName)
        .environment(context.env())
        .workingDirectory(context.workDir())
        .build()
        .load(file);
  }
}
