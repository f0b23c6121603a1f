package dev.qhook.internal.config;

/**
 * A scalar that was exactly one {@code ${...}} reference, after expansion. Unlike a quoted YAML
 * string it may fill a numeric or boolean key (SPEC §2.1 stage 5).
 */
record Expanded(String text) {
  @Override
  public String toString() {
    return text;
  }
}
