package dev.qhook.config;

import java.util.Optional;

/** A kind of alert (docs/reference/configuration.md, "alerts"). */
public enum AlertKind {
  DLQ("dlq"),
  VERIFICATION_FAILURE("verification_failure"),
  CIRCUIT_OPENED("circuit_opened"),
  WORKFLOW_FAILED("workflow_failed"),
  DB_UNHEALTHY("db_unhealthy"),
  EVENT_TTL_EXPIRED("event_ttl_expired"),
  ENDPOINT_DISABLED("endpoint_disabled"),
  CUSTOM("custom");

  private final String label;

  AlertKind(String label) {
    this.label = label;
  }

  /** The name used in the config file and in alert payloads. */
  public String label() {
    return label;
  }

  /** The kind called {@code label} in the config file. */
  public static Optional<AlertKind> fromLabel(String label) {
    for (AlertKind kind : values()) {
      if (kind.label.equals(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
