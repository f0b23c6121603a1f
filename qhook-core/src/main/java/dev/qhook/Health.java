package dev.qhook;

import org.jspecify.annotations.Nullable;

/**
 * The engine's health (docs/reference/http-api.md, "GET /health").
 *
 * @param queueDepth available and retryable jobs of all kinds
 * @param deadJobs jobs in the dead-letter state
 * @param detail why the database is unhealthy, else null
 */
public record Health(
    Status status, boolean dbHealthy, long queueDepth, long deadJobs, @Nullable String detail) {

  public enum Status {
    OK("ok"),
    DEGRADED("degraded"),
    RECOVERED("recovered"),
    ERROR("error");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The name the HTTP API uses. */
    public String label() {
      return label;
    }
  }
}
