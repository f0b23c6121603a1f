package dev.qhook.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process against a directory and an environment, capturing its output. */
final class CliRun {
  final int status;
  final String out;
  final String err;

  private CliRun(int status, String out, String err) {
    this.status = status;
    this.out = out;
    this.err = err;
  }

  static CliRun run(Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, StopSignal.manual(), args);
  }

  static CliRun run(Path workDir, Map<String, String> env, StopSignal stop, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new CliContext(
                workDir, env, new PrintWriter(out, true), new PrintWriter(err, true), stop),
            args);
    return new CliRun(status, out.toString(), err.toString());
  }
}
