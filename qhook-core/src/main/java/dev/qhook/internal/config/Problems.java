package dev.qhook.internal.config;

import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the errors and warnings of one load, so that all are reported together. */
final class Problems {
  private final Set<ConfigProblem> errors = new LinkedHashSet<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  /** Adds an error; credentials in a quoted URL are hidden ({@link Redaction}). */
  void error(String path, String message) {
    errors.add(new ConfigProblem(path, Redaction.redact(message)));
  }

  /** Adds a warning; credentials in a quoted URL are hidden ({@link Redaction}). */
  void warn(String message) {
    warnings.add(Redaction.redact(message));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Throws a {@link ConfigException} listing every error, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(new ArrayList<>(errors));
    }
  }
}
