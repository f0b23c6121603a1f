package dev.qhook.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a config file.
 *
 * @param path where the problem is, in dotted form with {@code [i]} for list items (for example
 *     {@code handlers.orders.retry.intervall} or {@code workflows.order.steps[3].catch[0].goto}); a
 *     problem with the file as a whole uses the file name
 * @param message what is wrong, without the path (for example {@code unknown key (did you mean
 *     'interval'?)})
 */
public record ConfigProblem(String path, String message) {
  public ConfigProblem {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** The problem as one line: {@code path: message}. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
