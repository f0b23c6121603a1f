package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.InboundRequest;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rejected signatures (docs/reference/http-api.md, "POST /webhooks/{source}"). Regression (issue
 * 10, item 9): every rejected signature raised an alert, which the engine logs at WARN, before any
 * throttle, so a flood of forged requests flooded the log. Each is still counted; the alert (and
 * its WARN line) comes once per source per minute, the rest are logged at DEBUG with a count.
 */
class VerificationFailureReportsTest {
  private static final String YAML =
      """
      sources:
        github: { type: webhook, verify: github, secret: s3cret }
        stripe: { type: webhook, verify: stripe, secret: whsec_x }
      """;

  private final SteppedClock clock = new SteppedClock();
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private QHook qhook;

  private static final class SteppedClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T12:00:00Z");

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

  @BeforeEach
  void start() {
    AlertSink sink = alerts::add;
    qhook =
        QHook.builder()
            .config(QHookConfig.fromYaml(YAML))
            .store(new InMemoryStore())
            .clock(clock)
            .alertSink(sink)
            .build();
    qhook.start();
  }

  @AfterEach
  void stop() {
    qhook.close();
  }

  private void forge(String source) {
    Received received =
        qhook.receive(
            InboundRequest.webhook(source)
                .header("X-Hub-Signature-256", "sha256=00")
                .header("X-GitHub-Event", "push")
                .body("{}")
                .build());
    assertThat(received)
        .isInstanceOfSatisfying(
            Received.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Rejection.SIGNATURE_INVALID));
  }

  private double counted(String source) {
    var counter =
        qhook.meterRegistry().find("qhook.verification.failures").tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void everyFailureIsCountedButAlertedOncePerSourcePerMinute() {
    for (int i = 0; i < 5; i++) {
      forge("github");
    }
    forge("stripe");

    assertThat(counted("github")).isEqualTo(5.0);
    assertThat(counted("stripe")).isEqualTo(1.0);
    assertThat(alerts).extracting(Alert::subject).containsExactly("github", "stripe");

    clock.advance(Duration.ofSeconds(59));
    forge("github");
    assertThat(alerts).hasSize(2);

    clock.advance(Duration.ofSeconds(1));
    forge("github");
    assertThat(counted("github")).isEqualTo(7.0);
    assertThat(alerts).hasSize(3);
    assertThat(alerts.get(2).message())
        .startsWith("signature verification failed for source 'github': ")
        .endsWith("(5 more since the last alert)");
  }
}
