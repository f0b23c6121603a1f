package dev.qhook.reliability;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How {@code qhook validate} ended for one mutated config:
 *
 * <ul>
 *   <li>{@link #VALID}: exit 0;
 *   <li>{@link #CLEAR_ERRORS}: exit 1 with problems that say what is wrong;
 *   <li>{@link #UNCLEAR}: exit 1, but a message shows Java internals instead of a reason (an
 *       exception class name, an object identity such as {@code [B@1b2c3d}, a helpful
 *       NullPointerException text, an empty message);
 *   <li>{@link #CRASH}: an exception or error escaped (it would end the process with a stack
 *       trace), a stack trace was printed, the exit status was neither 0 nor 1, or it hung.
 * </ul>
 */
enum ValidateOutcome {
  VALID,
  CLEAR_ERRORS,
  UNCLEAR,
  CRASH;

  private static final Pattern STACK_TRACE =
      Pattern.compile("(^\\s+at [\\w.$]+\\(|Exception in thread)", Pattern.MULTILINE);
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(\\b(java|javax|com|org|dev)\\.[\\w.$]+(Exception|Error)\\b|\\[[BCIJLZ][\\w.;]*@\\p{XDigit}+"
              + "|\\b[\\w.$]+@\\p{XDigit}{5,}\\b|Cannot invoke \"|because \"[\\w.]+\" is null"
              + "|^error: null$)",
          Pattern.MULTILINE);

  /**
   * @param exitStatus what {@code qhook validate} returned (-1 when it threw)
   * @param output its standard output and error
   * @param loaderFailure what {@code ConfigLoader.load} threw that is not a {@code
   *     ConfigException}, or null
   * @param problems the messages of the {@code ConfigException}'s problems, if it threw one
   */
  static ValidateOutcome classify(
      int exitStatus, String output, @Nullable Throwable loaderFailure, List<String> problems) {
    if (loaderFailure != null
        || (exitStatus != 0 && exitStatus != 1)
        || STACK_TRACE.matcher(output).find()) {
      return CRASH;
    }
    if (INTERNALS.matcher(output).find() || problems.stream().anyMatch(String::isBlank)) {
      return UNCLEAR;
    }
    return exitStatus == 0 ? VALID : CLEAR_ERRORS;
  }

  /**
   * What made the output a crash or unclear, as a kind to group findings by: the escaped
   * throwable's or leaked exception's class, or the object identity's type ({@code [B@…}); else the
   * first line.
   */
  static String evidence(String output) {
    for (Pattern p : List.of(STACK_TRACE, INTERNALS)) {
      java.util.regex.Matcher m = p.matcher(output);
      if (m.find()) {
        return m.group().strip().replaceAll("@\\p{XDigit}+", "@…");
      }
    }
    return output.lines().findFirst().orElse("");
  }

  /** The line of the output that shows the evidence, for the report. */
  static String example(String output) {
    for (Pattern p : List.of(STACK_TRACE, INTERNALS)) {
      java.util.regex.Matcher m = p.matcher(output);
      if (m.find()) {
        return output.lines().filter(l -> l.contains(m.group())).findFirst().orElse(m.group());
      }
    }
    return output.lines().findFirst().orElse("");
  }

  boolean failed() {
    return this == UNCLEAR || this == CRASH;
  }
}
