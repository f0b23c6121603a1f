package dev.qhook.verify;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Fetches the X.509 certificate an SNS message was signed with. Replaceable, so tests and emulators
 * can serve fixed certificates; the URL has already passed the SNS host rule when this is called.
 * {@link CertificateFetchers} builds the standard ones.
 */
@FunctionalInterface
public interface CertificateFetcher {

  /** The PEM certificate at {@code url}. */
  X509Certificate fetch(URI url) throws IOException, CertificateException;
}
