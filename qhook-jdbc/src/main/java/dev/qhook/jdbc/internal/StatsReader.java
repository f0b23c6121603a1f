package dev.qhook.jdbc.internal;

import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The grouped counts of {@code GET /api/stats} (docs/reference/http-api.md): one query each. Events
 * per source are counted over the index on {@code events (source, event_type, id)}; handler jobs
 * per handler and status read the jobs table, which holds only jobs within {@code
 * worker.retention_hours} of finishing (the same read as the job counts of {@code /health}).
 */
public final class StatsReader {

  public Map<String, Long> eventsBySource(Handle h) {
    Map<String, Long> counts = new TreeMap<>();
    h.createQuery("SELECT source, COUNT(*) AS n FROM events GROUP BY source")
        .map((rs, ctx) -> Map.entry(rs.getString("source"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  public Map<String, Map<JobStatus, Long>> jobsByTarget(Handle h, JobKind kind) {
    Map<String, Map<JobStatus, Long>> counts = new TreeMap<>();
    h.createQuery(
            "SELECT target, status, COUNT(*) AS n FROM jobs WHERE kind = :kind"
                + " GROUP BY target, status")
        .bind("kind", Columns.label(kind))
        .map(
            (rs, ctx) ->
                new Count(
                    rs.getString("target"),
                    JobStatus.fromLabel(rs.getString("status")),
                    rs.getLong("n")))
        .forEach(
            c ->
                counts
                    .computeIfAbsent(c.target(), t -> new EnumMap<>(JobStatus.class))
                    .put(c.status(), c.n()));
    return counts;
  }

  private record Count(String target, JobStatus status, long n) {}
}
