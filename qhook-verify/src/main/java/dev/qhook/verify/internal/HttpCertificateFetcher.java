package dev.qhook.verify.internal;

import dev.qhook.verify.CertificateFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Fetches a PEM certificate with the JDK HTTP client; never follows redirects. */
public final class HttpCertificateFetcher implements CertificateFetcher {
  static final int MAX_BYTES = 64 * 1024;

  private final HttpClient client;
  private final Duration timeout;

  public HttpCertificateFetcher(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public X509Certificate fetch(URI url) throws IOException, CertificateException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    byte[] pem;
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new IOException("fetching " + url + " answered HTTP " + response.statusCode());
      }
      pem = body.readNBytes(MAX_BYTES + 1);
    }
    if (pem.length > MAX_BYTES) {
      throw new IOException("certificate at " + url + " is larger than " + MAX_BYTES + " bytes");
    }
    return parse(pem);
  }

  /** The X.509 certificate in PEM or DER bytes. */
  public static X509Certificate parse(byte[] pem) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
  }
}
