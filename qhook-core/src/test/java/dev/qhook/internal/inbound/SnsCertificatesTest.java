package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import dev.qhook.verify.CertificateFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * SNS signing certificates fetched through the engine's transport (docs/reference/http-api.md,
 * "POST /sns/{source}"). Regression (issue 10, item 9): a failed fetch was not remembered, so every
 * unauthenticated post naming a bad SigningCertURL made the engine fetch it again.
 */
class SnsCertificatesTest {
  private static final URI URL =
      URI.create("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-missing.pem");
  private static final URI OTHER =
      URI.create("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-other.pem");

  /** Answers 404 to everything and records what was asked. */
  private static class NotFoundTransport implements Transport {
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public TransportResult send(TransportRequest request) {
      asked.add(request.uri());
      return new TransportResult.Response(404, Map.of(), new byte[0], 3);
    }
  }

  private static final class SteppedClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aFailedFetchIsRememberedForAMinutePerUrl() {
    NotFoundTransport transport = new NotFoundTransport();
    SteppedClock clock = new SteppedClock();
    CertificateFetcher certificates = InboundReceiver.certificatesThrough(transport, clock);

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> certificates.fetch(URL))
          .isInstanceOf(IOException.class)
          .hasMessage("fetching the certificate at " + URL + " failed: status 404");
    }
    assertThat(transport.asked).containsExactly(URL);

    clock.advance(Duration.ofSeconds(59));
    assertThatThrownBy(() -> certificates.fetch(URL)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> certificates.fetch(OTHER)).isInstanceOf(IOException.class);
    assertThat(transport.asked).containsExactly(URL, OTHER);

    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> certificates.fetch(URL)).isInstanceOf(IOException.class);
    assertThat(transport.asked).containsExactly(URL, OTHER, URL);
  }

  @Test
  void concurrentFetchesOfOneUrlMakeOneCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NotFoundTransport slow =
        new NotFoundTransport() {
          @Override
          public TransportResult send(TransportRequest request) {
            TransportResult result = super.send(request);
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return result;
          }
        };
    CertificateFetcher certificates = InboundReceiver.certificatesThrough(slow, Clock.systemUTC());
    List<Throwable> outcomes = new CopyOnWriteArrayList<>();
    Runnable fetch =
        () -> {
          try {
            certificates.fetch(URL);
          } catch (Exception e) {
            outcomes.add(e);
          }
        };
    Thread first = new Thread(fetch);
    first.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slow.asked.size() == 1);
    Thread second = new Thread(fetch);
    second.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> second.getState() == Thread.State.WAITING);
    release.countDown();
    first.join(10_000);
    second.join(10_000);

    assertThat(slow.asked).containsExactly(URL);
    assertThat(outcomes)
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(IOException.class).hasMessageContaining("404"));
  }
}
