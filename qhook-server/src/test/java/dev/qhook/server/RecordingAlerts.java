package dev.qhook.server;

import dev.qhook.Alert;
import dev.qhook.spi.AlertSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An alert sink that keeps every alert it is handed. */
final class RecordingAlerts implements AlertSink {
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();

  @Override
  public void raise(Alert alert) {
    alerts.add(alert);
  }

  List<Alert> alerts() {
    return List.copyOf(alerts);
  }
}
