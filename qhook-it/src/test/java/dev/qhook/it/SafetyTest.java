package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestResult;
import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSRF guard ({@code server.allow_private_urls}, docs/reference/configuration.md, "server") and
 * the circuit breaker (docs/reference/configuration.md, "Retries, dead jobs and the circuit
 * breaker").
 */
class SafetyTest {
  @TempDir Path dir;

  /**
   * A public-looking host name that resolves to a private address at delivery time (as after a DNS
   * change) is refused; the resolver stands in for DNS, which this machine has none of.
   */
  @Test
  void hostsResolvingToPrivateAddressesAreRefusedAtDeliveryTime() {
    String yaml =
        """
        sources:
          app: { type: event }
        handlers:
          h: { source: app, url: "http://hooks.example.com:PORT/h", retry: { max: 1 } }
        """;
    RecordingReceiver receiver = RecordingReceiver.start();
    SsrfGuard guard =
        new SsrfGuard(
            false,
            host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
            PrivateAddresses::isPrivate);
    String config = yaml.replace("PORT", Integer.toString(receiver.uri("/").getPort()));
    try (EngineFixture f =
        EngineFixture.start(dir, config, receiver, new ApacheHttpTransport(guard, 4))) {
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.lastError())
          .isEqualTo(
              "destination refused: hooks.example.com resolves to private address 127.0.0.1");
      assertThat(f.receiver.requests()).isEmpty();
      assertThat(f.qhook.admin().attempts(job.id()))
          .singleElement()
          .satisfies(a -> assertThat(a.statusCode()).isNull());
    }
  }

  /**
   * A request the HTTP client refuses to build (here a configured header with a control character:
   * event values that cannot be sent are refused at ingest) fails its attempt; the job never hangs.
   */
  @Test
  void anUnsendableRequestFailsTheAttemptInsteadOfHanging() {
    String yaml =
        """
        server: { allow_private_urls: true }
        sources:
          app: { type: event }
        handlers:
          h: { source: app, url: RECEIVER/h, retry: { max: 1 }, headers: { X-Note: "a\\x01b" } }
        """;
    try (EngineFixture f = EngineFixture.start(dir, yaml)) {
      IngestResult result = f.send("app", "x", "{}");
      Job job = f.awaitJob(result.eventId(), JobStatus.DEAD);
      assertThat(job.lastError()).startsWith("request not sendable");
      assertThat(f.receiver.requests()).isEmpty();
    }
  }
}
