package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One {@code catch} entry of a step: the first whose {@code errors} include the failure class wins.
 *
 * @param errors failure classes it catches ({@code all} in the config means every class; the
 *     default when {@code errors} is omitted)
 * @param next the step named by {@code goto}
 * @param resultPath where the error object is set in the failed step's input; default {@value
 *     #DEFAULT_RESULT_PATH}
 */
public record CatchRule(Set<ErrorClass> errors, String next, String resultPath) {
  public static final String DEFAULT_RESULT_PATH = "$.error";

  public CatchRule {
    errors = Set.copyOf(errors);
    requireNonNull(next, "next");
    requireNonNull(resultPath, "resultPath");
  }

  /** Whether this entry catches a failure of class {@code errorClass}. */
  public boolean catches(ErrorClass errorClass) {
    return errors.contains(errorClass);
  }
}
