package dev.qhook.spi;

import java.util.Locale;

/** The lifecycle of a workflow run: running until it completes, fails or is cancelled. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The lowercase name used in the database, the API and the CLI. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
