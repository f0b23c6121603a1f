package dev.qhook.internal.outbound;

import dev.qhook.EndpointChange;
import dev.qhook.EndpointRequest;
import dev.qhook.Outbound;
import dev.qhook.OutboundException;
import dev.qhook.OutboundException.Reason;
import dev.qhook.UnknownSourceException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.Filter;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import dev.qhook.spi.Store;
import dev.qhook.spi.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link Outbound} over the store: checks what it is asked, runs the ownership check before a URL
 * is stored, and drops the emission routes after every change.
 */
public final class EndpointManager implements Outbound {
  private final QHookConfig config;
  private final Store store;
  private final EndpointRoutes routes;
  private final EndpointValues values;
  private final OwnershipCheck ownership;
  private final UlidGenerator ids;
  private final Clock clock;
  private final Runnable wake;

  /**
   * @param wake asks the dispatcher to claim (after a recovery)
   */
  public EndpointManager(
      QHookConfig config, Store store, EndpointRoutes routes, OwnershipParts parts, Runnable wake) {
    this.config = config;
    this.store = store;
    this.routes = routes;
    this.values = new EndpointValues(parts.ssrfGuard());
    this.ownership = new OwnershipCheck(parts.transport(), parts.requests(), parts.clock());
    this.ids = new UlidGenerator(parts.clock());
    this.clock = parts.clock();
    this.wake = wake;
  }

  @Override
  public Endpoint createEndpoint(EndpointRequest request) {
    SourceConfig source = outboundSource(request.source());
    String url = values.url(request.url());
    Instant now = clock.instant();
    Endpoint endpoint =
        Endpoint.builder(ids.next(), source.name(), url, Secrets.newSecret(), now)
            .description(values.description(request.description()))
            .status(
                request.status(),
                request.status() == EndpointStatus.DISABLED ? Endpoint.DISABLED_MANUAL : null)
            .metadata(values.metadata(request.metadata()))
            .headers(values.headers(request.headers()))
            .rateLimit(values.rateLimit(request.rateLimit()))
            .retry(values.retry(request.retry(), source))
            .build();
    checkOwnership(endpoint, source);
    store.outbound().createEndpoint(endpoint);
    routes.invalidate();
    return endpoint;
  }

  @Override
  public Optional<Endpoint> endpoint(String id) {
    return store.outbound().endpoint(id);
  }

  @Override
  public Page<Endpoint> endpoints(EndpointQuery query) {
    return store.outbound().endpoints(query);
  }

  @Override
  public Endpoint updateEndpoint(String id, EndpointChange change) {
    Endpoint current = require(id);
    Endpoint.Builder next = current.toBuilder().updatedAt(clock.instant());
    if (change.description() != null) {
      next.description(values.description(change.description()));
    }
    if (change.metadata() != null) {
      next.metadata(values.metadata(change.metadata()));
    }
    if (change.headers() != null) {
      next.headers(values.headers(change.headers()));
    }
    if (change.rateLimit() != null) {
      next.rateLimit(change.rateLimit() == 0 ? null : values.rateLimit(change.rateLimit()));
    }
    if (change.retry() != null) {
      next.retry(values.retry(change.retry(), source(current)));
    }
    if (change.status() != null && change.status() != current.status()) {
      next.status(
          change.status(),
          change.status() == EndpointStatus.DISABLED ? Endpoint.DISABLED_MANUAL : null);
    }
    if (change.url() != null) {
      String url = values.url(change.url());
      next.url(url);
      if (!url.equals(current.url())) {
        checkOwnership(next.build(), source(current));
      }
    }
    Endpoint updated = next.build();
    if (!store.outbound().updateEndpoint(updated)) {
      throw notFound(id);
    }
    routes.invalidate();
    return updated;
  }

  @Override
  public boolean deleteEndpoint(String id) {
    boolean deleted = store.outbound().deleteEndpoint(id);
    routes.invalidate();
    return deleted;
  }

  @Override
  public Endpoint rotateSecret(String id, @Nullable Duration grace) {
    Endpoint current = require(id);
    Duration overlap = grace != null ? grace : source(current).rotationGrace();
    if (overlap.isNegative()) {
      throw new OutboundException(Reason.INVALID, "grace: must not be negative, was " + overlap);
    }
    Instant now = clock.instant();
    Endpoint rotated =
        current.toBuilder()
            .rotate(Secrets.newSecret(), overlap.isZero() ? null : now.plus(overlap))
            .updatedAt(now)
            .build();
    if (!store.outbound().updateEndpoint(rotated)) {
      throw notFound(id);
    }
    return rotated;
  }

  @Override
  public int recover(String id, Instant since, @Nullable Instant until) {
    Endpoint endpoint = require(id);
    if (!endpoint.active()) {
      throw new OutboundException(
          Reason.CONFLICT, "endpoint " + id + " is disabled; enable it before recovering");
    }
    Instant now = clock.instant();
    int recovered =
        store.retryDead(
            new JobQuery(
                JobStatus.DEAD,
                id,
                null,
                since,
                until == null ? now : until,
                null,
                EventQuery.MAX_LIMIT,
                false),
            now);
    if (recovered > 0) {
      wake.run();
    }
    return recovered;
  }

  @Override
  public List<Subscription> subscribe(
      String endpointId, List<String> eventTypes, @Nullable String filter) {
    require(endpointId);
    if (eventTypes.isEmpty()) {
      throw new OutboundException(Reason.INVALID, "event_types: must not be empty");
    }
    if (filter != null) {
      try {
        Filter.parse(filter);
      } catch (RuntimeException e) {
        throw new OutboundException(
            Reason.INVALID, "filter: '" + filter + "' is not a filter: " + e.getMessage());
      }
    }
    Instant now = clock.instant();
    List<Subscription> added = new ArrayList<>();
    for (String type : new LinkedHashSet<>(eventTypes)) {
      values.pattern(type);
      try {
        EventPattern.parse(type);
      } catch (RuntimeException e) {
        throw new OutboundException(
            Reason.INVALID, "event_types: '" + type + "' is not a pattern: " + e.getMessage());
      }
      added.add(new Subscription(ids.next(), endpointId, type, filter, now));
    }
    List<Subscription> created = store.outbound().subscribe(added);
    routes.invalidate();
    return created;
  }

  @Override
  public Map<JobStatus, Long> deliveryCounts(String endpointId) {
    require(endpointId);
    return store.outbound().deliveryCounts(endpointId);
  }

  @Override
  public List<Subscription> subscriptions(String endpointId) {
    require(endpointId);
    return store.outbound().subscriptions(endpointId);
  }

  @Override
  public void unsubscribe(String endpointId, String subscriptionId) {
    require(endpointId);
    if (!store.outbound().unsubscribe(endpointId, subscriptionId)) {
      throw new OutboundException(
          Reason.NOT_FOUND,
          "endpoint " + endpointId + " has no subscription '" + subscriptionId + "'");
    }
    routes.invalidate();
  }

  private void checkOwnership(Endpoint endpoint, SourceConfig source) {
    if (!config.server().skipEndpointVerification()) {
      ownership.verify(endpoint, source.timeout());
    }
  }

  private SourceConfig outboundSource(String name) {
    SourceConfig source = config.sources().get(name);
    if (source == null) {
      throw new UnknownSourceException(name);
    }
    if (source.type() != SourceType.OUTBOUND) {
      throw new OutboundException(
          Reason.INVALID,
          "source: '"
              + name
              + "' is a "
              + source.type().name().toLowerCase(java.util.Locale.ROOT)
              + " source, not outbound");
    }
    return source;
  }

  /** The source of a stored endpoint; one removed from the config since counts as default. */
  private SourceConfig source(Endpoint endpoint) {
    SourceConfig source = config.sources().get(endpoint.source());
    return source != null ? source : SourceConfig.of(endpoint.source(), SourceType.OUTBOUND);
  }

  private Endpoint require(String id) {
    return store.outbound().endpoint(id).orElseThrow(() -> notFound(id));
  }

  private static OutboundException notFound(String id) {
    return new OutboundException(Reason.NOT_FOUND, "no endpoint '" + id + "'");
  }
}
