package dev.qhook.internal.engine;

import dev.qhook.config.AlertsConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.alerts.AlertSender;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.Transport;
import java.net.InetAddress;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The parts the engine builds itself when {@link EngineOptions} brings none. */
final class EngineDefaults {
  /** Connections beyond the workers', for alerts, SNS confirmations and certificate fetches. */
  static final int ENGINE_CONNECTIONS = 4;

  private EngineDefaults() {}

  static AlertSink alerts(
      @Nullable AlertsConfig alerts, Transport transport, Clock clock, EngineMetrics metrics) {
    return alerts == null
        ? AlertSink.none()
        : new AlertSender(alerts, transport, clock, AlertSender.RETRY_WAITS, metrics);
  }

  static SsrfGuard ssrfGuard(QHookConfig config) {
    return new SsrfGuard(
        config.server().allowPrivateUrls(), InetAddress::getAllByName, PrivateAddresses::isPrivate);
  }

  static Transport transport(QHookConfig config, SsrfGuard ssrfGuard) {
    // One kept-alive connection per worker, to each handler host, and a few more for the engine's
    // own calls (alerts, SNS), so that hanging handlers holding every worker's connection do not
    // starve the alert about them.
    return new ApacheHttpTransport(
        ssrfGuard, config.worker().maxConcurrency() + ENGINE_CONNECTIONS);
  }
}
