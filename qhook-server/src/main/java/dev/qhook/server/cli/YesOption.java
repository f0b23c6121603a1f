package dev.qhook.server.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code -y/--yes} (or {@code -f/--force}) of the commands that ask before changing many things;
 * without it they ask, and fail without a terminal ({@link Confirmation}).
 */
final class YesOption {
  @Option(
      names = {"-y", "--yes", "-f", "--force"},
      description = "Do not ask for confirmation.")
  boolean yes;

  /** Whether to go on: given {@code -y}, or the question (made only to be asked) answered yes. */
  boolean confirmed(CliContext context, Supplier<String> question) {
    return yes || Confirmation.ask(context, question.get());
  }
}
