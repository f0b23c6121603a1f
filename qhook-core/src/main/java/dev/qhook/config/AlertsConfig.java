package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code alerts} section (docs/reference/configuration.md, "alerts"): where alert notifications
 * go.
 *
 * @param url absolute {@code http}/{@code https} destination; sent through the SSRF guard, so a
 *     private or loopback address needs {@code server.allow_private_urls}
 * @param type payload format; default {@link AlertType#GENERIC}
 * @param on kinds to send; default {@link #DEFAULT_KINDS}
 */
public record AlertsConfig(String url, AlertType type, Set<AlertKind> on) {
  /** {@code [dlq, verification_failure]}. */
  public static final Set<AlertKind> DEFAULT_KINDS =
      Set.copyOf(EnumSet.of(AlertKind.DLQ, AlertKind.VERIFICATION_FAILURE));

  public AlertsConfig {
    requireNonNull(url, "url");
    requireNonNull(type, "type");
    on = Set.copyOf(on);
  }

  /** Alerts of the default type and kinds to {@code url}. */
  public AlertsConfig(String url) {
    this(url, AlertType.GENERIC, DEFAULT_KINDS);
  }

  /** Whether alerts of {@code kind} are sent. */
  public boolean sends(AlertKind kind) {
    return on.contains(kind);
  }
}
