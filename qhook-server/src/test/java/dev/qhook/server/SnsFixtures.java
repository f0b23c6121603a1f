package dev.qhook.server;

import dev.qhook.verify.CertificateFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

/** The SNS fixture messages and certificates in {@code src/test/resources/sns}. */
final class SnsFixtures {
  /** The SigningCertURL of the AWS SDK sample message. */
  static final String AWS_CERT_URL =
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem";

  /** The SigningCertURL of the fixtures signed with the qhook test key. */
  static final String QHOOK_CERT_URL =
      "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-qhooktest.pem";

  private SnsFixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = SnsFixtures.class.getResourceAsStream("/sns/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource sns/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static X509Certificate certificate(String name) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(resource(name)));
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves the certificates by URL; any other URL fails like an unreachable host. */
  static CertificateFetcher fetcher(Map<String, X509Certificate> byUrl) {
    return url -> {
      X509Certificate certificate = byUrl.get(url.toString());
      if (certificate == null) {
        throw new IOException("no certificate at " + url);
      }
      return certificate;
    };
  }

  /** Both fixture certificates at their URLs. */
  static Map<String, X509Certificate> fixtureCertificates() {
    return Map.of(
        AWS_CERT_URL, certificate("aws-sdk-java-v2-unit-test-cert.pem"),
        QHOOK_CERT_URL, certificate("qhook-test-signer-cert.pem"));
  }
}
