package dev.qhook.internal.engine;

import dev.qhook.Alert;
import dev.qhook.internal.inbound.InboundReceiver;
import dev.qhook.internal.inbound.SourceGates;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.verify.CertificateFetcher;

/**
 * Inbound, assembled (docs/architecture.md, "Inbound: one call for every HTTP stack"): the receiver
 * with its source checks, the SNS certificates (fetched through the transport and cached for an
 * hour unless {@link EngineOptions} brings a fetcher) and the reports of failed verifications.
 */
final class InboundParts {
  private InboundParts() {}

  /**
   * @param ingest stores what the receiver accepted (the engine's checked ingest)
   */
  static InboundReceiver receiver(
      SharedParts s,
      SourceGates gates,
      SsrfGuard ssrfGuard,
      EngineOptions options,
      InboundReceiver.Ingest ingest) {
    CertificateFetcher certificates =
        options.certificates() != null
            ? options.certificates()
            : InboundReceiver.certificatesThrough(s.transport(), s.clock());
    return new InboundReceiver(
        gates,
        new InboundReceiver.Wiring(
            s.clock(), s.transport(), ssrfGuard, certificates, options.subscribeUrlRule()),
        ingest,
        s.metrics()::verificationFailed,
        (source, reason) -> s.alerts().accept(Alert.verificationFailure(source, reason)));
  }
}
