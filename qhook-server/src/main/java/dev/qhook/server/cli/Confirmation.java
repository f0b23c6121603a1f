package dev.qhook.server.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Asks before a destructive command; the commands skip it with {@code -y/--yes} or {@code
 * -f/--force}. Without a terminal on stdin it fails instead of asking (SPEC: prompts fail when
 * stdin is not a terminal).
 */
final class Confirmation {
  private Confirmation() {}

  /**
   * @throws CliFailure when there is no terminal to ask on
   */
  static boolean ask(CliContext context, String question) {
    Console console = System.console();
    if (console == null || !isTerminal(console)) {
      throw new CliFailure(
          question.replace("?", "")
              + ": not confirmed (stdin is not a terminal); pass -y/--yes or -f/--force to confirm");
    }
    context.out().flush();
    String answer = console.readLine("%s [y/N] ", question);
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }

  /**
   * Java 22 and later may give a console when stdin is redirected; {@code Console.isTerminal()}
   * (22+) tells. Before 22 a console exists only on a terminal.
   */
  private static boolean isTerminal(Console console) {
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
