package dev.qhook.internal.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.config.RetryBlocks;
import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.Filter;
import dev.qhook.spi.EndpointRoute;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active endpoints of every outbound source with their compiled subscription patterns, read
 * from the store in one query and kept in memory, so that ingest does not query per event. A change
 * made through this instance drops the copy at once ({@link #invalidate}); changes made by other
 * instances of a cluster are seen within {@link #REFRESH}. When a reload fails the previous copy
 * stays in use until the next try.
 */
public final class EndpointRoutes {
  private static final Logger log = LoggerFactory.getLogger(EndpointRoutes.class);

  /** How long a copy serves before it is read again. */
  public static final Duration REFRESH = Duration.ofSeconds(5);

  /** One subscription compiled: its pattern and its filter (null: none). */
  record Compiled(EventPattern pattern, @Nullable Filter filter) {}

  /** An endpoint as emission sees it. */
  public record Route(
      String endpointId, String url, List<Compiled> subscriptions, @Nullable Integer maxAttempts) {
    /**
     * Whether a subscription matches the type and, when it has a filter, the payload ({@code
     * payload} is asked only then; null: not JSON, which no filter matches).
     */
    boolean matches(String eventType, Supplier<@Nullable JsonNode> payload) {
      for (Compiled s : subscriptions) {
        if (s.pattern().matches(eventType)
            && (s.filter() == null || s.filter().test(payload.get()))) {
          return true;
        }
      }
      return false;
    }
  }

  private record Snapshot(Map<String, List<Route>> bySource, Instant loadedAt) {}

  private final OutboundStore store;
  private final Set<String> sources;
  private final InstantSource clock;
  private volatile @Nullable Snapshot snapshot;
  private volatile boolean stale = true;

  public EndpointRoutes(OutboundStore store, QHookConfig config, InstantSource clock) {
    this.store = store;
    this.sources =
        config.sources().values().stream()
            .filter(s -> s.type() == SourceType.OUTBOUND)
            .map(SourceConfig::name)
            .collect(Collectors.toUnmodifiableSet());
    this.clock = clock;
  }

  /** Whether {@code source} is an outbound source of the config. */
  public boolean isOutbound(String source) {
    return sources.contains(source);
  }

  /**
   * The active endpoints of {@code source} with a subscription that matches {@code eventType} and
   * the payload (read through {@code payload}, the ingest's parse-once tree, only for filters).
   */
  public List<Route> matching(
      String source, String eventType, Supplier<@Nullable JsonNode> payload) {
    if (!sources.contains(source)) {
      return List.of();
    }
    List<Route> all = current().bySource().getOrDefault(source, List.of());
    List<Route> matched = new ArrayList<>(all.size());
    for (Route r : all) {
      if (r.matches(eventType, payload)) {
        matched.add(r);
      }
    }
    return matched;
  }

  /** Endpoints or subscriptions changed: the next ingest reads them again. */
  public void invalidate() {
    stale = true;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s != null && !stale && now.isBefore(s.loadedAt().plus(REFRESH))) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && !stale && now.isBefore(s.loadedAt().plus(REFRESH))) {
        return s;
      }
      try {
        stale = false;
        s = load(now);
        snapshot = s;
        return s;
      } catch (RuntimeException e) {
        if (s == null) {
          stale = true;
          throw e;
        }
        log.warn("reading outbound endpoints failed; using the previous copy: {}", e.getMessage());
        snapshot = new Snapshot(s.bySource(), now); // retry after REFRESH, not on every event
        return s;
      }
    }
  }

  private Snapshot load(Instant now) {
    Map<String, List<Route>> bySource = new HashMap<>();
    for (EndpointRoute r : store.activeRoutes(sources)) {
      List<Compiled> compiled = new ArrayList<>(r.subscriptions().size());
      for (Subscription s : r.subscriptions()) {
        try {
          String filter = s.filter();
          compiled.add(
              new Compiled(
                  EventPattern.parse(s.eventType()), filter == null ? null : Filter.parse(filter)));
        } catch (RuntimeException invalid) {
          log.warn("endpoint {} has an invalid subscription {}", r.endpoint().id(), s.id());
        }
      }
      bySource
          .computeIfAbsent(r.endpoint().source(), k -> new ArrayList<>())
          .add(
              new Route(
                  r.endpoint().id(), r.endpoint().url(), List.copyOf(compiled), maxAttempts(r)));
    }
    return new Snapshot(Map.copyOf(bySource), now);
  }

  /** The attempts of the endpoint's own retry block, or null when it has none (or a bad one). */
  private static @Nullable Integer maxAttempts(EndpointRoute r) {
    String retry = r.endpoint().retry();
    if (retry == null) {
      return null;
    }
    try {
      return RetryBlocks.parse(retry).maxAttempts();
    } catch (RuntimeException invalid) {
      log.warn("endpoint {} has an invalid retry block", r.endpoint().id());
      return null;
    }
  }
}
