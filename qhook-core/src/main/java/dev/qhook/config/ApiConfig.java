package dev.qhook.config;

import org.jspecify.annotations.Nullable;

/**
 * The {@code api} section (docs/reference/configuration.md, "api"): bearer tokens. Both are unset
 * by default ({@link #OPEN}).
 *
 * @param authToken protects {@code /events/...} and {@code /api/...}
 * @param metricsAuthToken protects {@code GET /metrics}; unset means open
 */
public record ApiConfig(@Nullable String authToken, @Nullable String metricsAuthToken) {
  /** No tokens. */
  public static final ApiConfig OPEN = new ApiConfig(null, null);

  @Override
  public String toString() {
    return "ApiConfig[authToken="
        + (authToken == null ? "unset" : "***")
        + ", metricsAuthToken="
        + (metricsAuthToken == null ? "unset" : "***")
        + "]";
  }
}
