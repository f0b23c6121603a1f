package dev.qhook.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registry behind {@code GET /metrics} (docs/reference/http-api.md, "GET /metrics"): Prometheus
 * text format with the standard JVM and process meters ({@code jvm_*}, {@code process_*}) bound.
 */
public final class PrometheusMetrics {
  private PrometheusMetrics() {}

  /**
   * A new registry with JVM memory, GC, thread, class-loader, CPU and uptime meters. The GC binder
   * listens to JVM notifications for the life of the process.
   */
  public static PrometheusMeterRegistry withJvmMetrics() {
    PrometheusMeterRegistry registry = create();
    bindJvmMetrics(registry);
    return registry;
  }

  /** A new registry without JVM meters; see {@link #bindJvmMetrics}. */
  public static PrometheusMeterRegistry create() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /**
   * Binds the JVM memory, GC, thread, class-loader, CPU and uptime meters to {@code registry}. The
   * GC binder listens to JVM notifications for the life of the process. Thread-safe: the server
   * binds them beside its start-up.
   */
  @SuppressWarnings("resource") // the GC binder lives as long as the registry
  public static void bindJvmMetrics(MeterRegistry registry) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }
}
