package dev.qhook.spi;

import dev.qhook.Alert;

/**
 * Where the engine's alerts go. The engine logs every alert, drops kinds that the {@code alerts.on}
 * list excludes, and hands the rest to the sink. Implementations must not block: ingestion and
 * delivery raise alerts on their own threads. The default sends to {@code alerts.url} when the
 * {@code alerts} section is configured, and does nothing otherwise.
 */
@FunctionalInterface
public interface AlertSink extends AutoCloseable {

  /** Queues or delivers {@code alert}; never throws for a delivery problem. */
  void raise(Alert alert);

  /** Stops sending; alerts still queued may be dropped. */
  @Override
  default void close() {}

  /** A sink that drops every alert (they are still logged by the engine). */
  static AlertSink none() {
    return alert -> {};
  }
}
