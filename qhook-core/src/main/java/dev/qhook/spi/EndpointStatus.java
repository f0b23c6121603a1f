package dev.qhook.spi;

import java.util.Locale;

/** Whether an outbound endpoint receives new deliveries. */
public enum EndpointStatus {
  /** Receives a job for every matching event. */
  ACTIVE,
  /** Receives nothing; its pending jobs go dead when claimed. */
  DISABLED;

  /** The lowercase label used in the API and the database. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a label, as {@link #label()} writes it. */
  public static EndpointStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
