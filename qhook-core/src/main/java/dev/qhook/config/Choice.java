package dev.qhook.config;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a choice step's {@code choices}.
 *
 * @param when the filter expression ({@code condition} is an alias in the config)
 * @param next the step named by {@code goto}
 */
public record Choice(String when, String next) {
  public Choice {
    requireNonNull(when, "when");
    requireNonNull(next, "next");
  }
}
