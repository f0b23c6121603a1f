package dev.qhook.config;

import dev.qhook.QHookException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be used. Carries every problem found (validation does not stop at the
 * first); {@link #getMessage()} lists them one per line as {@code path: message}.
 */
public final class ConfigException extends QHookException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public ConfigException(String path, String message) {
    this(List.of(new ConfigProblem(path, message)));
  }

  /** Every problem, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
