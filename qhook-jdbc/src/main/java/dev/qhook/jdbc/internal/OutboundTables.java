package dev.qhook.jdbc.internal;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.EndpointRoute;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Page;
import dev.qhook.spi.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The {@link OutboundStore} of the JDBC store: tables {@code outbound_endpoints} and {@code
 * outbound_subscriptions} (migration V5). Every method is one statement or one transaction.
 */
public final class OutboundTables implements OutboundStore {
  private static final String SELECT_ENDPOINT =
      "SELECT " + OutboundRows.ENDPOINT_COLUMNS + " FROM outbound_endpoints";

  /**
   * A subscription whose endpoint already has its event type is not inserted (its count is 0; on
   * MySQL a duplicate-key "update" that changes nothing also counts 0).
   */
  private static final String ON_TAKEN_TYPE = " ON CONFLICT (endpoint_id, event_type) DO NOTHING";

  private static final String ON_TAKEN_TYPE_MYSQL = " ON DUPLICATE KEY UPDATE id = id";

  private final Database db;
  private final String onTakenType;

  public OutboundTables(Database db) {
    this.db = db;
    this.onTakenType = db.dialect() == Dialect.MYSQL ? ON_TAKEN_TYPE_MYSQL : ON_TAKEN_TYPE;
  }

  @Override
  public void createEndpoint(Endpoint e) {
    db.write(
        "creating endpoint " + e.id(),
        h ->
            OutboundRows.bindEndpoint(
                    h.createUpdate(
                        "INSERT INTO outbound_endpoints ("
                            + OutboundRows.ENDPOINT_COLUMNS
                            + ") VALUES (:id, :source, :url, :description, :secret,"
                            + " :previous_secret, :previous_secret_expires_at, :status,"
                            + " :failing_since, :disabled_reason, :metadata, :headers,"
                            + " :rate_limit, :created_at, :updated_at, :retry)"),
                    e)
                .execute());
  }

  @Override
  public Optional<Endpoint> endpoint(String id) {
    return db.read(
        "reading endpoint " + id,
        h ->
            h.createQuery(SELECT_ENDPOINT + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> OutboundRows.endpoint(rs))
                .findOne());
  }

  @Override
  public Page<Endpoint> endpoints(EndpointQuery q) {
    return db.read(
        "listing endpoints",
        h ->
            new Listing(SELECT_ENDPOINT)
                .equal("source", q.source())
                .window("created_at", q.since(), q.until())
                .page(
                    h,
                    q.after(),
                    q.limit(),
                    q.descending(),
                    (rs, ctx) -> OutboundRows.endpoint(rs)));
  }

  @Override
  public boolean updateEndpoint(Endpoint e) {
    return db.write(
        "updating endpoint " + e.id(),
        h ->
            OutboundRows.bindEndpoint(
                        h.createUpdate(
                            "UPDATE outbound_endpoints SET source = :source, url = :url,"
                                + " description = :description, secret = :secret,"
                                + " previous_secret = :previous_secret,"
                                + " previous_secret_expires_at = :previous_secret_expires_at,"
                                + " status = :status, failing_since = :failing_since,"
                                + " disabled_reason = :disabled_reason, metadata = :metadata,"
                                + " headers = :headers, rate_limit = :rate_limit,"
                                + " created_at = :created_at, updated_at = :updated_at,"
                                + " retry_policy = :retry WHERE id = :id"),
                        e)
                    .execute()
                == 1);
  }

  @Override
  public boolean deleteEndpoint(String id) {
    return db.write(
        "deleting endpoint " + id,
        h -> {
          h.createUpdate("DELETE FROM outbound_subscriptions WHERE endpoint_id = :id")
              .bind("id", id)
              .execute();
          return h.createUpdate("DELETE FROM outbound_endpoints WHERE id = :id")
                  .bind("id", id)
                  .execute()
              == 1;
        });
  }

  @Override
  public List<Subscription> subscribe(List<Subscription> added) {
    if (added.isEmpty()) {
      return List.of();
    }
    return db.write(
        "adding " + added.size() + " subscriptions", h -> subscribe(h, added, onTakenType));
  }

  private static List<Subscription> subscribe(
      Handle h, List<Subscription> added, String onTakenType) {
    Set<String> endpointIds = new HashSet<>();
    added.forEach(s -> endpointIds.add(s.endpointId()));
    Set<String> existing =
        new HashSet<>(
            h.createQuery("SELECT id FROM outbound_endpoints WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(endpointIds))
                .mapTo(String.class)
                .list());
    for (String id : endpointIds) {
      if (!existing.contains(id)) {
        throw new StoreRefusedException("subscribing endpoint " + id, "no such endpoint", null);
      }
    }
    // One statement each (a handful per call): batch counts are not reported by every driver
    // setting (PostgreSQL's rewritten batches answer SUCCESS_NO_INFO).
    // The types the endpoints have, so that a repeated one is left out on every database (MySQL
    // reports a duplicate key as a changed row).
    Set<String> taken = new HashSet<>();
    h.createQuery(
            "SELECT endpoint_id, event_type FROM outbound_subscriptions WHERE endpoint_id IN (<ids>)")
        .bindList("ids", List.copyOf(endpointIds))
        .map((rs, ctx) -> rs.getString(1) + "\n" + rs.getString(2))
        .forEach(taken::add);
    List<Subscription> created = new ArrayList<>();
    for (Subscription s : added) {
      if (!taken.add(s.endpointId() + "\n" + s.eventType())) {
        continue;
      }
      int inserted =
          h.createUpdate(
                  "INSERT INTO outbound_subscriptions ("
                      + OutboundRows.SUBSCRIPTION_COLUMNS
                      + ") VALUES (:id, :endpoint_id, :event_type, :filter, :created_at)"
                      + onTakenType)
              .bind("id", s.id())
              .bind("endpoint_id", s.endpointId())
              .bind("event_type", s.eventType())
              .bind("filter", s.filter())
              .bind("created_at", Columns.millis(s.createdAt()))
              .execute();
      if (inserted > 0) {
        created.add(s);
      }
    }
    return created;
  }

  @Override
  public List<Subscription> subscriptions(String endpointId) {
    return db.read(
        "reading subscriptions of endpoint " + endpointId,
        h ->
            h.createQuery(
                    "SELECT "
                        + OutboundRows.SUBSCRIPTION_COLUMNS
                        + " FROM outbound_subscriptions WHERE endpoint_id = :id ORDER BY id")
                .bind("id", endpointId)
                .map((rs, ctx) -> OutboundRows.subscription(rs))
                .list());
  }

  @Override
  public boolean unsubscribe(String endpointId, String subscriptionId) {
    return db.write(
        "deleting subscription " + subscriptionId,
        h ->
            h.createUpdate(
                        "DELETE FROM outbound_subscriptions WHERE id = :id"
                            + " AND endpoint_id = :endpoint")
                    .bind("id", subscriptionId)
                    .bind("endpoint", endpointId)
                    .execute()
                == 1);
  }

  @Override
  public List<EndpointRoute> activeRoutes(Collection<String> sources) {
    if (sources.isEmpty()) {
      return List.of();
    }
    return db.read(
        "reading the routes of outbound endpoints",
        h -> {
          Map<String, Endpoint> endpoints = new LinkedHashMap<>();
          Map<String, List<Subscription>> subs = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT e.id AS id, e.source AS source, e.url AS url,"
                      + " e.description AS description, e.secret AS secret,"
                      + " e.previous_secret AS previous_secret,"
                      + " e.previous_secret_expires_at AS previous_secret_expires_at,"
                      + " e.status AS status, e.failing_since AS failing_since,"
                      + " e.disabled_reason AS disabled_reason, e.metadata AS metadata,"
                      + " e.headers AS headers, e.rate_limit AS rate_limit,"
                      + " e.created_at AS created_at, e.updated_at AS updated_at,"
                      + " e.retry_policy AS retry_policy,"
                      + " s.id AS s_id, s.event_type AS event_type, s.filter AS filter,"
                      + " s.created_at AS s_created_at"
                      + " FROM outbound_endpoints e"
                      + " JOIN outbound_subscriptions s ON s.endpoint_id = e.id"
                      + " WHERE e.status = 'active' AND e.source IN (<sources>)"
                      + " ORDER BY e.id, s.id")
              .bindList("sources", List.copyOf(sources))
              .map(
                  (rs, ctx) -> {
                    Endpoint e = OutboundRows.endpoint(rs);
                    endpoints.putIfAbsent(e.id(), e);
                    subs.computeIfAbsent(e.id(), id -> new ArrayList<>())
                        .add(
                            new Subscription(
                                rs.getString("s_id"),
                                e.id(),
                                rs.getString("event_type"),
                                rs.getString("filter"),
                                Instant.ofEpochMilli(rs.getLong("s_created_at"))));
                    return 1;
                  })
              .list();
          List<EndpointRoute> routes = new ArrayList<>(endpoints.size());
          endpoints.forEach((id, e) -> routes.add(new EndpointRoute(e, subs.get(id))));
          return routes;
        });
  }

  @Override
  public Map<JobStatus, Long> deliveryCounts(String endpointId) {
    return db.read(
        "counting deliveries of endpoint " + endpointId,
        h -> {
          Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
          h.createQuery(
                  "SELECT status, COUNT(*) AS n FROM jobs"
                      + " WHERE target = :id AND kind = 'outbound' GROUP BY status")
              .bind("id", endpointId)
              .map((rs, ctx) -> Map.entry(JobStatus.fromLabel(rs.getString(1)), rs.getLong(2)))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  @Override
  public Optional<Endpoint> recordFailure(String id, Instant at) {
    return db.write(
        "recording a failure of endpoint " + id,
        h -> {
          h.createUpdate(
                  "UPDATE outbound_endpoints SET failing_since = :at"
                      + " WHERE id = :id AND failing_since IS NULL")
              .bind("at", Columns.millis(at))
              .bind("id", id)
              .execute();
          return h.createQuery(SELECT_ENDPOINT + " WHERE id = :id")
              .bind("id", id)
              .map((rs, ctx) -> OutboundRows.endpoint(rs))
              .findOne();
        });
  }

  @Override
  public void recordSuccess(String id, Instant at) {
    db.write(
        "recording a success of endpoint " + id,
        h ->
            h.createUpdate(
                    "UPDATE outbound_endpoints SET failing_since = NULL"
                        + " WHERE id = :id AND failing_since IS NOT NULL")
                .bind("id", id)
                .execute());
  }

  @Override
  public boolean disable(String id, String reason, Instant at) {
    return db.write(
        "disabling endpoint " + id,
        h ->
            h.createUpdate(
                        "UPDATE outbound_endpoints SET status = 'disabled',"
                            + " disabled_reason = :reason, updated_at = :at"
                            + " WHERE id = :id AND status = 'active'")
                    .bind("reason", reason)
                    .bind("at", Columns.millis(at))
                    .bind("id", id)
                    .execute()
                == 1);
  }
}
