package dev.qhook.server.cli;

import java.io.Console;
import java.util.Locale;

/**
 * Asks before a destructive command; the commands skip it with {@code -f/--force} (SPEC: prompts
 * fail when stdin is not a terminal).
 */
final class Confirmation {
  private Confirmation() {}

  /**
   * @throws CliFailure when there is no terminal to ask on
   */
  static boolean ask(CliContext context, String question) {
    Console console = System.console();
    if (console == null) {
      throw new CliFailure(
          question.replace("?", "")
              + ": not confirmed (stdin is not a terminal); pass -f/--force to confirm");
    }
    context.out().flush();
    String answer = console.readLine("%s [y/N] ", question);
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
