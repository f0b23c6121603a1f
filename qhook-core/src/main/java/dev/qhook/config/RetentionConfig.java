package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The {@code retention} section (docs/reference/configuration.md, "retention").
 *
 * @param events events are kept at least this long; also the idempotency window; default 7 days
 */
public record RetentionConfig(Duration events) {
  public static final RetentionConfig DEFAULT = new RetentionConfig(Duration.ofDays(7));

  public RetentionConfig {
    requireNonNull(events, "events");
  }
}
