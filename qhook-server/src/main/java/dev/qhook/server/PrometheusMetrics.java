package dev.qhook.server;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registry behind {@code GET /metrics} (SPEC §10.2): Prometheus text format with the standard
 * JVM and process meters ({@code jvm_*}, {@code process_*}) bound.
 */
public final class PrometheusMetrics {
  private PrometheusMetrics() {}

  /**
   * A new registry with JVM memory, GC, thread, class-loader, CPU and uptime meters. The GC binder
   * listens to JVM notifications for the life of the process.
   */
  @SuppressWarnings("resource") // the GC binder lives as long as the registry
  public static PrometheusMeterRegistry withJvmMetrics() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }
}
