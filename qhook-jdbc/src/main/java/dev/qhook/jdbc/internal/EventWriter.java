package dev.qhook.jdbc.internal;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.StepRef;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends events with their jobs. The caller runs one call in one transaction: a group commit of
 * every event in the list, in a constant number of statements (one batch of event inserts, at most
 * one lookup of taken keys per {@value #KEYS_PER_LOOKUP} keys, one batch of job inserts).
 *
 * <p>A unique key already taken (by an earlier append, a concurrent one, or an earlier event of the
 * same list) makes the event a duplicate. Keys repeated inside the list are resolved here: the
 * first event with the key is inserted, the later ones are its duplicates. Against other
 * transactions the insert says {@code ON CONFLICT DO NOTHING} ({@code ON DUPLICATE KEY UPDATE id =
 * id} on MySQL); an event whose row was not inserted (the driver's per-row count is 0, or unknown
 * when the driver rewrites the batch) is then looked up by key: the id found is its own when it was
 * stored, the original's otherwise.
 */
public final class EventWriter {
  /** Keys looked up per query, well under every driver's limit on bound parameters. */
  static final int KEYS_PER_LOOKUP = 500;

  private static final String INSERT_EVENT =
      "INSERT INTO events ("
          + Columns.EVENT
          + ") VALUES (:id, :source, :eventType, :payload, :headers, :uniqueKey, :createdAt)";

  /** A taken key inserts nothing; a taken id still fails. */
  private static final String ON_TAKEN_KEY = " ON CONFLICT (source, unique_key) DO NOTHING";

  /**
   * MySQL has no conflict target: its update runs for a clash on any unique index. A clash on the
   * idempotency key leaves the row as it is; any other clash (a taken id: the row found has another
   * key, or none) sets the id to NULL, which the NOT NULL column refuses, so the append fails as on
   * the other databases. ({@code INSERT IGNORE} would also turn a value too long into a truncated
   * row.)
   */
  private static final String ON_TAKEN_KEY_MYSQL =
      " ON DUPLICATE KEY UPDATE id = IF(unique_key IS NOT NULL AND unique_key = VALUES(unique_key)"
          + " AND source = VALUES(source), id, NULL)";

  private static final String FIND_BY_KEYS =
      "SELECT source, unique_key, id FROM events"
          + " WHERE source IN (<sources>) AND unique_key IN (<keys>)";
  private static final String INSERT_JOB =
      "INSERT INTO jobs (id, event_id, kind, target, url, status, attempt, max_attempts,"
          + " scheduled_at, created_at, ordering_key, started_at, lease_until, workflow_run_id,"
          + " step_name, step_index, branch) VALUES (:id, :eventId, :kind, :target, :url,"
          + " :status, :attempt, :maxAttempts, :scheduledAt, :createdAt, :orderingKey,"
          + " :startedAt, :leaseUntil, :runId, :stepName, :stepIndex, :branch)";

  /** The unique key of an event: a key is unique per source. */
  private record Key(String source, String uniqueKey) {
    static Key of(Event event) {
      return new Key(event.source(), Objects.requireNonNull(event.uniqueKey()));
    }
  }

  private final Dialect dialect;
  private final String insertEvent;

  /**
   * Whether the driver's per-row counts tell a stored event from a duplicate. MySQL's do not: an
   * {@code ON DUPLICATE KEY} no-op counts 1 row (found rows) and a MariaDB bulk insert reports
   * none.
   */
  private final boolean countsTell;

  public EventWriter(Dialect dialect) {
    this.dialect = dialect;
    this.insertEvent =
        INSERT_EVENT + (dialect == Dialect.MYSQL ? ON_TAKEN_KEY_MYSQL : ON_TAKEN_KEY);
    this.countsTell = dialect != Dialect.MYSQL;
  }

  public List<AppendResult> append(Handle h, List<NewEvent> events) {
    AppendResult[] results = new AppendResult[events.size()];
    Map<Key, Integer> firstWithKey = new HashMap<>();
    List<Integer> inserted = new ArrayList<>(events.size());
    List<Integer> repeats = new ArrayList<>();
    for (int index : insertionOrder(events)) {
      Event event = events.get(index).event();
      if (event.uniqueKey() == null || firstWithKey.putIfAbsent(Key.of(event), index) == null) {
        inserted.add(index);
      } else {
        repeats.add(index);
      }
    }

    int[] counts = insertEvents(h, events, inserted);
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < inserted.size(); i++) {
      int index = inserted.get(i);
      if (counts[i] == 1) {
        results[index] = stored(events.get(index));
      } else {
        unsure.add(index); // 0: the key was taken; negative: the driver did not say
      }
    }
    Map<Key, String> owners = owners(h, unsure.stream().map(i -> events.get(i).event()).toList());
    for (int index : unsure) {
      Event event = events.get(index).event();
      String owner = event.uniqueKey() == null ? event.id() : owners.get(Key.of(event));
      if (owner == null) {
        throw new IllegalStateException("an event was neither stored nor found by its key");
      }
      results[index] =
          owner.equals(event.id()) ? stored(events.get(index)) : new AppendResult.Duplicate(owner);
    }
    for (int index : repeats) {
      AppendResult first = results[firstWithKey.get(Key.of(events.get(index).event()))];
      results[index] = new AppendResult.Duplicate(first.eventId());
    }

    insertJobs(h, dialect, events, results);
    return List.of(results);
  }

  private static AppendResult stored(NewEvent newEvent) {
    return new AppendResult.Stored(newEvent.event().id(), newEvent.jobs().size());
  }

  /**
   * Keyed events in (source, key) order, then the others. Two transactions that insert the same
   * keys then take the key locks in the same order and cannot deadlock. The sort is stable, so of
   * two events with one key the earlier in the list comes first.
   */
  private static List<Integer> insertionOrder(List<NewEvent> events) {
    List<Integer> order = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing(
            (Integer i) -> events.get(i).event(),
            Comparator.comparing((Event e) -> e.uniqueKey() == null)
                .thenComparing(Event::source)
                .thenComparing(e -> e.uniqueKey() == null ? "" : e.uniqueKey())));
    return order;
  }

  /** The driver's row count of each insert, in the order of {@code indexes}. */
  private int[] insertEvents(Handle h, List<NewEvent> events, List<Integer> indexes) {
    PreparedBatch batch = h.prepareBatch(insertEvent);
    for (int index : indexes) {
      Event event = events.get(index).event();
      batch
          .bind("id", event.id())
          .bind("source", event.source())
          .bind("eventType", event.eventType())
          .bind("payload", event.payload())
          .bind("headers", Columns.headers(event.headers()))
          .bind("uniqueKey", event.uniqueKey())
          .bind("createdAt", Columns.millis(event.createdAt()))
          .add();
    }
    int[] counts = batch.execute();
    if (counts.length != indexes.size() || !countsTell) {
      // A driver that reports one count for a rewritten batch (or MySQL): every row is unsure.
      counts = new int[indexes.size()];
      Arrays.fill(counts, -1);
    }
    return counts;
  }

  /** The id of the stored event of each key of {@code events} (committed or this transaction's). */
  private static Map<Key, String> owners(Handle h, List<Event> events) {
    List<Key> keys =
        events.stream().filter(e -> e.uniqueKey() != null).map(Key::of).distinct().toList();
    Map<Key, String> owners = new HashMap<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
      List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
      Map<String, Boolean> sources = new LinkedHashMap<>();
      chunk.forEach(k -> sources.put(k.source(), true));
      h.createQuery(FIND_BY_KEYS)
          .bindList("sources", List.copyOf(sources.keySet()))
          .bindList("keys", chunk.stream().map(Key::uniqueKey).distinct().toList())
          .map((rs, ctx) -> Map.entry(new Key(rs.getString(1), rs.getString(2)), rs.getString(3)))
          .forEach(e -> owners.put(e.getKey(), e.getValue()));
    }
    return owners;
  }

  private static void insertJobs(
      Handle h, Dialect dialect, List<NewEvent> events, AppendResult[] results) {
    PreparedBatch jobs = h.prepareBatch(INSERT_JOB);
    List<RunWriter.Started> runs = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      if (!(results[index] instanceof AppendResult.Stored)) {
        continue;
      }
      Event event = events.get(index).event();
      for (NewJob job : events.get(index).jobs()) {
        bindJob(jobs, job, event.id(), event.createdAt()).add();
      }
      events
          .get(index)
          .runs()
          .forEach(r -> runs.add(new RunWriter.Started(r, event.id(), event.createdAt())));
    }
    if (jobs.size() > 0) {
      jobs.execute();
    }
    if (!runs.isEmpty()) {
      RunWriter.insertRuns(h, dialect, runs);
    }
  }

  /** Binds one job row; a job leased at ingest is stored as if claimed in this transaction. */
  static PreparedBatch bindJob(PreparedBatch jobs, NewJob job, String eventId, Instant createdAt) {
    jobs.bind("id", job.id())
        .bind("eventId", eventId)
        .bind("kind", Columns.label(job.kind()))
        .bind("target", job.target())
        .bind("url", job.url())
        .bind("maxAttempts", job.maxAttempts())
        .bind("scheduledAt", Columns.millis(job.scheduledAt()))
        .bind("createdAt", Columns.millis(createdAt))
        .bind("orderingKey", job.orderingKey());
    StepRef step = job.step();
    jobs.bind("runId", step == null ? null : step.runId())
        .bind("stepName", step == null ? null : step.stepName())
        .bind("branch", step == null ? null : step.branch());
    if (step == null) {
      jobs.bindNull("stepIndex", Types.INTEGER);
    } else {
      jobs.bind("stepIndex", step.stepIndex());
    }
    Instant leaseUntil = job.leaseUntil();
    if (leaseUntil == null) {
      jobs.bind("status", JobStatus.AVAILABLE.label())
          .bind("attempt", 0)
          .bindNull("startedAt", Types.BIGINT)
          .bindNull("leaseUntil", Types.BIGINT);
    } else {
      jobs.bind("status", JobStatus.RUNNING.label())
          .bind("attempt", 1)
          .bind("startedAt", Columns.millis(job.scheduledAt()))
          .bind("leaseUntil", Columns.millis(leaseUntil));
    }
    return jobs;
  }

  /** Prepares the insert of job rows, for {@link #bindJob}. */
  static PreparedBatch jobBatch(Handle h) {
    return h.prepareBatch(INSERT_JOB);
  }
}
