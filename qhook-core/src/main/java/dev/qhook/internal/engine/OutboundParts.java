package dev.qhook.internal.engine;

import dev.qhook.Outbound;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.Version;
import dev.qhook.internal.delivery.OutboundDelivery;
import dev.qhook.internal.delivery.OutboundRequests;
import dev.qhook.internal.outbound.EndpointHealth;
import dev.qhook.internal.outbound.EndpointManager;
import dev.qhook.internal.outbound.EndpointRoutes;
import dev.qhook.internal.outbound.OutboundEmission;
import dev.qhook.internal.outbound.OwnershipParts;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import java.util.function.Function;

/**
 * Outbound webhooks, assembled (docs/architecture.md, "Outbound webhooks"): the endpoint routes
 * that ingest and replay emit through, the delivery of outbound jobs for the dispatcher and the
 * endpoint manager of the API. None of them holds a thread or needs closing.
 */
final class OutboundParts {
  private final QHookConfig config;
  private final EndpointRoutes endpointRoutes;
  private final OutboundDelivery outboundDelivery;
  private final Outbound manager;

  /**
   * @param wake asks the dispatcher for a claim round (an endpoint's jobs made due again)
   */
  OutboundParts(SharedParts s, SsrfGuard ssrfGuard, Runnable wake) {
    this.config = s.config();
    this.endpointRoutes = new EndpointRoutes(s.store().outbound(), config, s.clock());
    this.outboundDelivery =
        new OutboundDelivery(
            new OutboundDelivery.Wiring(
                config.sources(),
                config.delivery(),
                s.store().outbound(),
                s.transport(),
                s.clock(),
                s.random(),
                s.metrics(),
                s.alerts()),
            new OutboundRequests(Version.NUMBER),
            new EndpointHealth(s.store().outbound(), config, endpointRoutes, s.alerts()));
    this.manager =
        new EndpointManager(
            config,
            s.store(),
            endpointRoutes,
            new OwnershipParts(
                ssrfGuard, s.transport(), new OutboundRequests(Version.NUMBER), s.clock()),
            wake);
  }

  /** The outbound jobs of an event, for ingest and for replay (one instance each). */
  OutboundEmission emission() {
    return new OutboundEmission(config, endpointRoutes);
  }

  /** Delivers a claimed outbound job; the dispatcher's workers call it. */
  Function<ClaimedJob, Completion> delivery() {
    return outboundDelivery;
  }

  /** The endpoints and subscriptions API ({@code QHook.outbound()}). */
  Outbound manager() {
    return manager;
  }
}
