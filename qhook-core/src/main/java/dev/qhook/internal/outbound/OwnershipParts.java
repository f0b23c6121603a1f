package dev.qhook.internal.outbound;

import dev.qhook.internal.delivery.OutboundRequests;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.Transport;
import java.time.Clock;

/** What endpoint management sends and checks with: the URL guard and the challenge's transport. */
public record OwnershipParts(
    SsrfGuard ssrfGuard, Transport transport, OutboundRequests requests, Clock clock) {}
