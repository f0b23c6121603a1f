package dev.qhook.spi;

import java.util.Locale;

/** The lifecycle of a job (docs/reference/http-api.md, "Management API"). */
public enum JobStatus {
  AVAILABLE,
  RUNNING,
  COMPLETED,
  RETRYABLE,
  DEAD,
  WAITING,
  CANCELLED;

  /** The lowercase name used in the database, the API and the CLI. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** Whether the job can still change (it is not completed, dead or cancelled). */
  public boolean isOpen() {
    return this != COMPLETED && this != DEAD && this != CANCELLED;
  }
}
