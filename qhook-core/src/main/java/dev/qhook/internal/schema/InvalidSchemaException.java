package dev.qhook.internal.schema;

import java.util.List;

/** A source {@code schema} that is not a usable JSON Schema; the problems name where and why. */
public final class InvalidSchemaException extends Exception {
  private final List<String> problems;

  InvalidSchemaException(List<String> problems) {
    super(String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, without the config path. */
  public List<String> problems() {
    return problems;
  }
}
