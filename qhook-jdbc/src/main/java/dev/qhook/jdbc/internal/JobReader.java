package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Job lookups, listings, attempts and counts. */
public final class JobReader {
  private static final String SELECT = "SELECT " + Columns.JOB + " FROM jobs";

  public Optional<Job> job(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Columns.job(rs))
        .findOne();
  }

  static List<Job> byIds(Handle h, List<String> ids) {
    return h.createQuery(SELECT + " WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", ids)
        .map((rs, ctx) -> Columns.job(rs))
        .list();
  }

  public Page<Job> jobs(Handle h, JobQuery q) {
    return new Listing(SELECT)
        .equal("status", q.status() == null ? null : q.status().label())
        .equal("target", q.target())
        .equal("event_id", q.eventId())
        .window("created_at", q.since(), q.until())
        .page(h, q.after(), q.limit(), q.descending(), (rs, ctx) -> Columns.job(rs));
  }

  public List<AttemptRecord> attempts(Handle h, String jobId) {
    return h.createQuery(
            "SELECT " + Columns.ATTEMPT + " FROM job_attempts WHERE job_id = :jobId ORDER BY id")
        .bind("jobId", jobId)
        .map((rs, ctx) -> Columns.attempt(rs))
        .list();
  }

  /** Every status, zero when no job has it. */
  public Map<JobStatus, Long> countByStatus(Handle h) {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus status : JobStatus.values()) {
      counts.put(status, 0L);
    }
    h.createQuery("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status")
        .map((rs, ctx) -> Map.entry(JobStatus.fromLabel(rs.getString("status")), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }
}
