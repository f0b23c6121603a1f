package dev.qhook.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.ErrorClass;
import dev.qhook.spi.JobStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's meters (docs/reference/http-api.md, "GET /metrics"). */
class EngineMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EngineMetrics metrics = new EngineMetrics(registry);

  @Test
  void theLongestAttemptIsKeptSinceStart() {
    MockClock clock = new MockClock();
    SimpleMeterRegistry timed = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    EngineMetrics engine = new EngineMetrics(timed);

    engine.deliveryAttempt("h", true, 5_000);
    clock.add(Duration.ofHours(1));
    engine.deliveryAttempt("h", true, 10);

    assertThat(timed.get("qhook.delivery.duration").timer().max(TimeUnit.SECONDS)).isEqualTo(5.0);
  }

  @Test
  void everyMeterHasADescription() {
    metrics.eventAccepted("app", true, 2, true);
    metrics.deliveryAttempt("h", true, 5);
    metrics.deliveryAttempt("h", false, 5);
    for (ErrorClass errorClass : ErrorClass.values()) {
      metrics.deliveryError(errorClass);
    }
    metrics.deadLettered("h");
    metrics.circuitOpened("h");
    metrics.circuitRejected("h");
    metrics.dbError();
    metrics.verificationFailed("app");
    metrics.alertSent();
    metrics.alertFailed();
    metrics.registerStoreGauges(() -> Map.of(JobStatus.DEAD, 2L));

    assertThat(registry.getMeters()).hasSizeGreaterThanOrEqualTo(18);
    assertThat(registry.getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getDescription())
                    .as(meter.getId().getName())
                    .isNotBlank());
  }

  @Test
  void theStoreGaugesReadTheCountsAndZeroForAStatusWithNoJobs() {
    metrics.registerStoreGauges(() -> Map.of(JobStatus.AVAILABLE, 3L, JobStatus.RETRYABLE, 1L));

    assertThat(gauge("qhook.queue.depth")).isEqualTo(4.0);
    assertThat(gauge("qhook.dead.jobs")).isZero();
  }

  private double gauge(String name) {
    Meter meter = registry.find(name).meter();
    assertThat(meter).as(name).isNotNull();
    return registry.find(name).gauge().value();
  }
}
