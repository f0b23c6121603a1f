package dev.qhook.config;

/** The payload format of alert notifications (SPEC §10.3). Default {@link #GENERIC}. */
public enum AlertType {
  GENERIC,
  SLACK,
  DISCORD
}
