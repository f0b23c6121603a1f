package dev.qhook.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command may touch of its process: the working directory, the environment, the two output
 * streams, and the stop signal that ends {@code start}. Tests pass their own.
 */
public record CliContext(
    Path workDir, Map<String, String> env, PrintWriter out, PrintWriter err, StopSignal stop) {

  public CliContext {
    workDir = workDir.toAbsolutePath();
    env = Map.copyOf(env);
  }

  /** The real process: current directory, environment, stdout/stderr, SIGTERM and SIGINT. */
  static CliContext ofProcess() {
    return new CliContext(
        Path.of(""),
        System.getenv(),
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        StopSignal.onProcessSignals());
  }

  @Nullable String env(String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
