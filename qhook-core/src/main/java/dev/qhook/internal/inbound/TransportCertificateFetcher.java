package dev.qhook.internal.inbound;

import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import dev.qhook.verify.CertificateFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * Fetches SNS signing certificates (PEM) through the engine's transport, so that every request the
 * engine makes leaves through one HTTP stack and its SSRF guard.
 */
final class TransportCertificateFetcher implements CertificateFetcher {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Transport transport;

  TransportCertificateFetcher(Transport transport) {
    this.transport = transport;
  }

  @Override
  public X509Certificate fetch(URI url) throws IOException {
    TransportResult result =
        transport.send(new TransportRequest("GET", url, Map.of(), new byte[0], TIMEOUT));
    if (!(result instanceof TransportResult.Response response) || !response.isSuccess()) {
      throw new IOException("fetching the certificate at " + url + " failed: " + result.describe());
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(response.body()));
    } catch (CertificateException | ClassCastException e) {
      throw new IOException("no X.509 certificate at " + url, e);
    }
  }
}
