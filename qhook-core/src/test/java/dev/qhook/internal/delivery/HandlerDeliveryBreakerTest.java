package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.Alert;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.routing.Router;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.TransportResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker as {@link HandlerDelivery} drives it (docs/reference/configuration.md,
 * "Retries, dead jobs and the circuit breaker"), on a hand-moved clock.
 */
class HandlerDeliveryBreakerTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final String YAML =
      """
      sources:
        app: { type: event }
      handlers:
        h: { source: app, url: "https://example.com/h", retry: { max: 10 } }
      """;

  private final HandClock clock = new HandClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Alert> alerts = new ArrayList<>();
  private Supplier<TransportResult> answer = () -> response(500);
  private int sent;
  private final HandlerDelivery delivery = delivery();

  private HandlerDelivery delivery() {
    QHookConfig config = QHookConfig.fromYaml(YAML);
    return new HandlerDelivery(
        new Router(config),
        new HandlerRequests("0.1.0", null),
        request -> {
          sent++;
          return answer.get();
        },
        new HandlerGuards(),
        config.delivery(),
        clock,
        new SplittableRandom(1),
        new EngineMetrics(registry),
        alerts::add);
  }

  private static TransportResult response(int status) {
    return new TransportResult.Response(status, Map.of(), new byte[0], 3);
  }

  private static ClaimedJob claimed(int attempt) {
    Event event =
        new Event("01EVENT", "app", "x", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), null, T0);
    Job job =
        new Job(
            "01JOB",
            "01EVENT",
            JobKind.HANDLER,
            "h",
            null,
            JobStatus.RUNNING,
            attempt,
            10,
            T0,
            T0,
            null,
            T0,
            null,
            T0,
            null);
    return new ClaimedJob(job, event);
  }

  private void openTheBreaker() {
    for (int attempt = 1; attempt <= CircuitBreaker.FAILURE_THRESHOLD; attempt++) {
      assertThat(delivery.apply(claimed(attempt))).isInstanceOf(Completion.Retry.class);
    }
  }

  private double counter(String name) {
    return registry.counter(name, "handler", "h").count();
  }

  @Test
  void anOpenBreakerReleasesJobsWithoutUsingAnAttemptUntilTheProbeIsDue() {
    openTheBreaker();
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.CIRCUIT_OPENED);
    assertThat(counter("qhook.circuit.breaker.opened")).isEqualTo(1.0);

    clock.advance(Duration.ofSeconds(10));
    Completion held = delivery.apply(claimed(6));
    assertThat(held)
        .isEqualTo(
            new Completion.Released(
                "01JOB", 6, T0.plus(CircuitBreaker.OPEN_FOR), HandlerDelivery.CIRCUIT_OPEN));
    assertThat(sent).isEqualTo(5);
    assertThat(counter("qhook.circuit.breaker.rejected")).isEqualTo(1.0);

    clock.advance(Duration.ofSeconds(50));
    answer = () -> response(200);
    assertThat(delivery.apply(claimed(6))).isInstanceOf(Completion.Succeeded.class);
    assertThat(delivery.apply(claimed(7))).isInstanceOf(Completion.Succeeded.class);
    assertThat(alerts).hasSize(1);
  }

  /** Regression: a probe whose send threw an Error kept its permit, so no probe ever ran again. */
  @Test
  void aProbeEndingInAnErrorDoesNotLeaveTheBreakerHalfOpenForever() {
    openTheBreaker();
    clock.advance(CircuitBreaker.OPEN_FOR);
    answer =
        () -> {
          throw new StackOverflowError("simulated");
        };
    assertThatThrownBy(() -> delivery.apply(claimed(6))).isInstanceOf(StackOverflowError.class);

    answer = () -> response(200);
    assertThat(delivery.apply(claimed(6))).isInstanceOf(Completion.Succeeded.class);
    assertThat(sent).isEqualTo(7);
  }

  private static final class HandClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
