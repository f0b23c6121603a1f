package dev.qhook.server.internal.routes;

import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics} (docs/reference/http-api.md, "GET /metrics"): Prometheus text format 0.0.4
 * from the engine's registry. The caller guards it with {@code api.metrics_auth_token}.
 */
public final class MetricsRoute {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * The Prometheus client reserves the suffix {@code _created} for every metric name (OpenMetrics
   * uses it for creation timestamps) and strips it, so the meter {@code qhook.jobs.created} comes
   * out of the registry as {@code qhook_jobs_total}. The scrape renames that family (its HELP, TYPE
   * and sample lines) to the documented {@code qhook_jobs_created_total}.
   */
  private static final Pattern JOBS_CREATED =
      Pattern.compile("^((?:# (?:HELP|TYPE) )?)qhook_jobs_total(?=[ {])", Pattern.MULTILINE);

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
    return Response.text(200, TEXT_FORMAT, exposed(registry.scrape()));
  }

  /** The registry's scrape with the families renamed as documented (see {@link #JOBS_CREATED}). */
  static String exposed(String scrape) {
    return JOBS_CREATED.matcher(scrape).replaceAll("$1qhook_jobs_created_total");
  }
}
