package dev.qhook.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** {@code qhook_metric_label_count}: distinct (family, label, value) triples of qhook meters. */
class LabelCountTest {

  @Test
  void countsEachFamilysDistinctLabelValuesOnceAndIgnoresOtherMeters() {
    MeterRegistry registry = new SimpleMeterRegistry();
    EngineMetrics metrics = new EngineMetrics(registry);
    assertThat(gauge(registry))
        .as("qhook_deliveries result=success and result=failure, registered at start")
        .isEqualTo(2);

    metrics.deliveryAttempt("billing", true, 5);
    metrics.deliveryAttempt("billing", true, 5);
    // + qhook_deliveries_by_handler: handler=billing, result=success
    assertThat(gauge(registry)).isEqualTo(4);

    metrics.deliveryAttempt("shipping", false, 5);
    metrics.deadLettered("shipping");
    // + by_handler handler=shipping, result=failure; + dlq handler=shipping
    assertThat(gauge(registry)).isEqualTo(7);

    Counter.builder("jvm.other").tag("handler", "x").register(registry).increment();
    assertThat(gauge(registry)).as("not a qhook meter").isEqualTo(7);
  }

  private static double gauge(MeterRegistry registry) {
    return registry.get(LabelCount.NAME).gauge().value();
  }
}
