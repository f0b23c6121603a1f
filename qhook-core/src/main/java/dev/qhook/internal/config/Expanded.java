package dev.qhook.internal.config;

/**
 * A scalar that was exactly one {@code ${...}} reference, after expansion. Unlike a quoted YAML
 * string it may fill a numeric or boolean key (docs/reference/configuration.md, "Environment
 * variables").
 */
record Expanded(String text) {
  @Override
  public String toString() {
    return text;
  }
}
