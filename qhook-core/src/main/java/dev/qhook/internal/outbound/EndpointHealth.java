package dev.qhook.internal.outbound;

import dev.qhook.Alert;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.OutboundStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endpoint health (docs/reference/http-api.md, "Endpoint health"): {@code failing_since} is the
 * first failed attempt after a success; an attempt that fails more than the source's {@code
 * disable_after} after it disables the endpoint ({@code disabled_reason: auto}) and raises an
 * {@code endpoint_disabled} alert. A store failure here is logged and does not change the outcome
 * of the delivery.
 */
public final class EndpointHealth {
  private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

  private final OutboundStore store;
  private final QHookConfig config;
  private final EndpointRoutes routes;
  private final Consumer<Alert> alerts;

  public EndpointHealth(
      OutboundStore store, QHookConfig config, EndpointRoutes routes, Consumer<Alert> alerts) {
    this.store = store;
    this.config = config;
    this.routes = routes;
    this.alerts = alerts;
  }

  /** A delivery to {@code endpoint} (as read before it) succeeded at {@code at}. */
  public void succeeded(Endpoint endpoint, Instant at) {
    if (endpoint.failingSince() == null) {
      return; // the usual case costs no write
    }
    try {
      store.recordSuccess(endpoint.id(), at);
    } catch (RuntimeException e) {
      log.warn("recording the recovery of endpoint {} failed: {}", endpoint.id(), e.getMessage());
    }
  }

  /** A delivery to {@code endpoint} failed at {@code at}; may disable it. */
  public void failed(Endpoint endpoint, Instant at) {
    try {
      Endpoint now = store.recordFailure(endpoint.id(), at).orElse(null);
      if (now == null || now.failingSince() == null || !now.active()) {
        return;
      }
      SourceConfig source = config.sources().get(now.source());
      Duration disableAfter =
          source == null ? SourceConfig.DEFAULT_DISABLE_AFTER : source.disableAfter();
      if (at.isAfter(now.failingSince().plus(disableAfter))
          && store.disable(now.id(), Endpoint.DISABLED_AUTO, at)) {
        routes.invalidate();
        log.warn(
            "endpoint {} of source {} disabled: failing since {}",
            now.id(),
            now.source(),
            now.failingSince());
        alerts.accept(
            Alert.endpointDisabled(
                now.id(), now.source(), EndpointUrls.redacted(now.url()), now.failingSince()));
      }
    } catch (RuntimeException e) {
      log.warn("recording a failure of endpoint {} failed: {}", endpoint.id(), e.getMessage());
    }
  }
}
