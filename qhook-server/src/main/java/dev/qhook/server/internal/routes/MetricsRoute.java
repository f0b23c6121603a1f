package dev.qhook.server.internal.routes;

import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics} (docs/reference/http-api.md, "GET /metrics"): Prometheus text format 0.0.4
 * from the engine's registry. The caller guards it with {@code api.metrics_auth_token}.
 */
public final class MetricsRoute {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final @Nullable PrometheusMeterRegistry registry;

  /**
   * @param registry null when the engine does not record into a Prometheus registry (404 then)
   */
  public MetricsRoute(@Nullable PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  public Response metrics(Request request) {
    if (registry == null) {
      throw ApiException.notFound("metrics need a Prometheus meter registry");
    }
    return Response.text(200, TEXT_FORMAT, registry.scrape());
  }
}
