package dev.qhook.internal.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The outbound jobs of an event (docs/reference/http-api.md, "Deliveries to outbound endpoints"):
 * one per active endpoint of its source with a subscription that matches its type, stored with the
 * event in the ingest transaction. Reads the endpoints from {@link EndpointRoutes}, never from the
 * store per event.
 */
public final class OutboundEmission {
  private final QHookConfig config;
  private final @Nullable EndpointRoutes routes;

  public OutboundEmission(QHookConfig config, @Nullable EndpointRoutes routes) {
    this.config = config;
    this.routes = routes;
  }

  /** No emission: for engines without outbound sources and for tests. */
  public static OutboundEmission none(QHookConfig config) {
    return new OutboundEmission(config, null);
  }

  /**
   * The jobs for an event of {@code source} and {@code eventType}, created at {@code now}. {@code
   * payload} gives the event's JSON tree as ingest parsed it (null: not JSON); it is asked only
   * when a subscription has a filter.
   */
  public List<NewJob> jobs(
      String source,
      String eventType,
      Supplier<@Nullable JsonNode> payload,
      Instant now,
      Supplier<String> ids) {
    if (routes == null || !routes.isOutbound(source)) {
      return List.of();
    }
    List<EndpointRoutes.Route> matched = routes.matching(source, eventType, payload);
    if (matched.isEmpty()) {
      return List.of();
    }
    int sourceAttempts = config.sources().get(source).retry().maxAttempts();
    List<NewJob> jobs = new ArrayList<>(matched.size());
    for (EndpointRoutes.Route r : matched) {
      int maxAttempts = Math.max(1, r.maxAttempts() == null ? sourceAttempts : r.maxAttempts());
      jobs.add(
          new NewJob(ids.get(), JobKind.OUTBOUND, r.endpointId(), r.url(), maxAttempts, now, null));
    }
    return jobs;
  }
}
