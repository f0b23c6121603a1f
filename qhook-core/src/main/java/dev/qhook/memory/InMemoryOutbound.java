package dev.qhook.memory;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.EndpointRoute;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Page;
import dev.qhook.spi.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The {@link OutboundStore} of {@link InMemoryStore}; every method holds the store's lock. */
final class InMemoryOutbound implements OutboundStore {
  private final Object lock;
  private final Map<String, JobRow> jobs;
  private final TreeMap<String, Endpoint> endpoints = new TreeMap<>();
  private final TreeMap<String, Subscription> subscriptions = new TreeMap<>();

  InMemoryOutbound(Object lock, Map<String, JobRow> jobs) {
    this.lock = lock;
    this.jobs = jobs;
  }

  @Override
  public Map<JobStatus, Long> deliveryCounts(String endpointId) {
    synchronized (lock) {
      Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
      for (JobRow j : jobs.values()) {
        if (j.kind == JobKind.OUTBOUND && j.target.equals(endpointId)) {
          counts.merge(j.status, 1L, Long::sum);
        }
      }
      return counts;
    }
  }

  @Override
  public void createEndpoint(Endpoint endpoint) {
    synchronized (lock) {
      if (endpoints.containsKey(endpoint.id())) {
        throw new StoreRefusedException(
            "creating endpoint " + endpoint.id(), "endpoint id is already used", null);
      }
      endpoints.put(endpoint.id(), endpoint);
    }
  }

  @Override
  public Optional<Endpoint> endpoint(String id) {
    synchronized (lock) {
      return Optional.ofNullable(endpoints.get(id));
    }
  }

  @Override
  public Page<Endpoint> endpoints(EndpointQuery q) {
    synchronized (lock) {
      return Paging.page(
          endpoints,
          q.after(),
          q.descending(),
          q.limit(),
          e ->
              (q.source() == null || q.source().equals(e.source()))
                  && (q.since() == null || !e.createdAt().isBefore(q.since()))
                  && (q.until() == null || e.createdAt().isBefore(q.until())),
          e -> e);
    }
  }

  @Override
  public boolean updateEndpoint(Endpoint endpoint) {
    synchronized (lock) {
      return endpoints.replace(endpoint.id(), endpoint) != null;
    }
  }

  @Override
  public boolean deleteEndpoint(String id) {
    synchronized (lock) {
      subscriptions.values().removeIf(s -> s.endpointId().equals(id));
      return endpoints.remove(id) != null;
    }
  }

  @Override
  public List<Subscription> subscribe(List<Subscription> added) {
    synchronized (lock) {
      for (Subscription s : added) {
        if (!endpoints.containsKey(s.endpointId())) {
          throw new StoreRefusedException(
              "subscribing endpoint " + s.endpointId(), "no such endpoint", null);
        }
      }
      Set<String> taken = new HashSet<>();
      subscriptions.values().forEach(s -> taken.add(s.endpointId() + "\n" + s.eventType()));
      List<Subscription> created = new ArrayList<>();
      for (Subscription s : added) {
        if (taken.add(s.endpointId() + "\n" + s.eventType())) {
          subscriptions.put(s.id(), s);
          created.add(s);
        }
      }
      return created;
    }
  }

  @Override
  public List<Subscription> subscriptions(String endpointId) {
    synchronized (lock) {
      return subscriptions.values().stream()
          .filter(s -> s.endpointId().equals(endpointId))
          .toList();
    }
  }

  @Override
  public boolean unsubscribe(String endpointId, String subscriptionId) {
    synchronized (lock) {
      Subscription s = subscriptions.get(subscriptionId);
      if (s == null || !s.endpointId().equals(endpointId)) {
        return false;
      }
      subscriptions.remove(subscriptionId);
      return true;
    }
  }

  @Override
  public List<EndpointRoute> activeRoutes(Collection<String> sources) {
    synchronized (lock) {
      List<EndpointRoute> routes = new ArrayList<>();
      for (Endpoint e : endpoints.values()) {
        if (e.active() && sources.contains(e.source())) {
          List<Subscription> subs = subscriptions(e.id());
          if (!subs.isEmpty()) {
            routes.add(new EndpointRoute(e, subs));
          }
        }
      }
      return routes;
    }
  }

  @Override
  public Optional<Endpoint> recordFailure(String id, Instant at) {
    synchronized (lock) {
      Endpoint e = endpoints.get(id);
      if (e == null) {
        return Optional.empty();
      }
      if (e.failingSince() == null) {
        e = e.toBuilder().failingSince(at).build();
        endpoints.put(id, e);
      }
      return Optional.of(e);
    }
  }

  @Override
  public void recordSuccess(String id, Instant at) {
    synchronized (lock) {
      Endpoint e = endpoints.get(id);
      if (e != null && e.failingSince() != null) {
        endpoints.put(id, e.toBuilder().failingSince(null).build());
      }
    }
  }

  @Override
  public boolean disable(String id, String reason, Instant at) {
    synchronized (lock) {
      Endpoint e = endpoints.get(id);
      if (e == null || !e.active()) {
        return false;
      }
      endpoints.put(
          id, e.toBuilder().status(EndpointStatus.DISABLED, reason).updatedAt(at).build());
      return true;
    }
  }
}
