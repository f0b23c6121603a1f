package dev.qhook.jdbc.internal;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Reads of queue messages: counts per queue (one statement per partial index: waiting messages,
 * running ones, dead ones, so no count walks the completed messages), visible messages without a
 * lease, and job listings with their events.
 */
public final class QueueReader {
  private static final String WAITING = "status IN ('available', 'retryable') AND kind = 'queue'";

  public Map<String, QueueCounts> counts(Handle h, Instant now) {
    Map<String, Tally> tallies = new TreeMap<>();
    h.createQuery(
            "SELECT target,"
                + " SUM(CASE WHEN scheduled_at <= :now THEN 1 ELSE 0 END) AS n_visible,"
                + " SUM(CASE WHEN scheduled_at > :now THEN 1 ELSE 0 END) AS n_delayed,"
                + " MIN(CASE WHEN scheduled_at <= :now THEN created_at END) AS oldest"
                + " FROM jobs WHERE "
                + WAITING
                + " GROUP BY target")
        .bind("now", Columns.millis(now))
        .map(
            (rs, ctx) -> {
              Tally t = tallies.computeIfAbsent(rs.getString("target"), q -> new Tally());
              t.visible = rs.getLong("n_visible"); // "delayed" is a MySQL keyword
              t.delayed = rs.getLong("n_delayed");
              long oldest = rs.getLong("oldest");
              t.oldest = rs.wasNull() ? null : Instant.ofEpochMilli(oldest);
              return t;
            })
        .list();
    countByTarget(h, "running")
        .forEach((q, n) -> tallies.computeIfAbsent(q, x -> new Tally()).inFlight = n);
    countByTarget(h, "dead")
        .forEach((q, n) -> tallies.computeIfAbsent(q, x -> new Tally()).dead = n);
    Map<String, QueueCounts> counts = new TreeMap<>();
    tallies.forEach(
        (q, t) ->
            counts.put(q, new QueueCounts(t.visible, t.delayed, t.inFlight, t.dead, t.oldest)));
    return counts;
  }

  private static final class Tally {
    long visible;
    long delayed;
    long inFlight;
    long dead;
    @Nullable Instant oldest;
  }

  private static Map<String, Long> countByTarget(Handle h, String status) {
    Map<String, Long> counts = new TreeMap<>();
    h.createQuery(
            "SELECT target, COUNT(*) AS n FROM jobs WHERE status = '"
                + status
                + "' AND kind = 'queue' GROUP BY target")
        .map((rs, ctx) -> Map.entry(rs.getString("target"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  public long completed(Handle h, String queue) {
    return h.createQuery(
            "SELECT COUNT(*) FROM jobs WHERE status = 'completed' AND kind = 'queue'"
                + " AND target = :queue")
        .bind("queue", queue)
        .mapTo(Long.class)
        .one();
  }

  public List<ClaimedJob> visible(Handle h, String queue, Instant now, int limit) {
    List<Job> jobs =
        h.createQuery(
                "SELECT "
                    + Columns.JOB
                    + " FROM jobs WHERE "
                    + WAITING
                    + " AND target = :queue AND scheduled_at <= :now"
                    + " ORDER BY scheduled_at, id LIMIT :limit")
            .bind("queue", queue)
            .bind("now", Columns.millis(now))
            .bind("limit", limit)
            .map((rs, ctx) -> Columns.job(rs))
            .list();
    return withEvents(h, jobs);
  }

  public Page<ClaimedJob> jobsWithEvents(Handle h, JobReader jobs, JobQuery query) {
    Page<Job> page = jobs.jobs(h, query);
    return new Page<>(withEvents(h, page.items()), page.hasMore());
  }

  private static List<ClaimedJob> withEvents(Handle h, List<Job> jobs) {
    Map<String, Event> events = EventReader.byIds(h, jobs.stream().map(Job::eventId).toList());
    return jobs.stream()
        .filter(j -> events.containsKey(j.eventId()))
        .map(j -> new ClaimedJob(j, events.get(j.eventId())))
        .toList();
  }
}
