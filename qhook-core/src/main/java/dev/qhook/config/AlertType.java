package dev.qhook.config;

/**
 * The payload format of alert notifications (docs/reference/configuration.md, "alerts"). Default
 * {@link #GENERIC}.
 */
public enum AlertType {
  GENERIC,
  SLACK,
  DISCORD
}
