package dev.qhook.jdbc.internal;

import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Leases due jobs in one {@code UPDATE ... RETURNING} statement ({@link MysqlClaimer} on MySQL).
 * Its candidates are the due jobs (oldest {@code scheduled_at} first) that head their ordering key
 * and whose target has room under its concurrency limit; on PostgreSQL they are locked with {@code
 * FOR UPDATE SKIP LOCKED}, so concurrent claimers take disjoint jobs. A window function then keeps
 * at most the free slots of each limited target. Claimers that share a limited target take turns
 * (an advisory lock per target), so the running count they read is exact cluster-wide.
 */
public final class JobClaimer {
  /** With concurrency limits, look this many times the limit deep for jobs of other targets. */
  static final int SCAN_FACTOR = 4;

  private final Dialect dialect;

  public JobClaimer(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Leases the due jobs the request allows, oldest first, with their events, in the caller's
   * transaction. A job whose event is missing goes dead instead, so that one broken row cannot stop
   * every claim.
   */
  public List<ClaimedJob> claim(Handle h, ClaimRequest request) {
    List<Job> jobs = lease(h, request);
    if (jobs.isEmpty()) {
      return List.of();
    }
    Map<String, Event> events = EventReader.byIds(h, jobs.stream().map(Job::eventId).toList());
    List<ClaimedJob> claimed = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      Event event = events.get(job.eventId());
      if (event == null) {
        deadLetterOrphan(h, job);
      } else {
        claimed.add(new ClaimedJob(job, event));
      }
    }
    return claimed;
  }

  private List<Job> lease(Handle h, ClaimRequest request) {
    Map<String, Integer> limits = request.concurrencyLimits();
    dialect.lockKeys(h, limits.keySet().stream().map(t -> "qhook.target." + t).toList());
    dialect.prepareClaim(h);
    if (dialect == Dialect.MYSQL) {
      return MysqlClaimer.lease(h, request);
    }

    Query update = h.createQuery(sql(request));
    update
        .bind("now", Columns.millis(request.now()))
        .bind("leaseUntil", Columns.millis(request.leaseUntil()))
        .bind("scan", limits.isEmpty() ? request.limit() : request.limit() * SCAN_FACTOR)
        .bindList("kinds", kinds(request).stream().map(Columns::label).toList());
    if (request.target() != null) {
      update.bind("target", request.target());
    }
    if (!limits.isEmpty()) {
      update.bind("limit", request.limit());
    }
    int i = 0;
    for (Map.Entry<String, Integer> limit : limits.entrySet()) {
      update.bind("capTarget" + i, limit.getKey()).bind("cap" + i, limit.getValue());
      i++;
    }
    List<Job> jobs = new ArrayList<>(update.map((rs, ctx) -> Columns.job(rs)).list());
    jobs.sort(Comparator.comparing(Job::scheduledAt).thenComparing(Job::id));
    return jobs;
  }

  static final String ORPHANED = "event missing";

  private static void deadLetterOrphan(Handle h, Job job) {
    h.createUpdate(
            "UPDATE jobs SET status = 'dead', last_error = :error, completed_at = started_at,"
                + " lease_until = NULL WHERE id = :id")
        .bind("error", ORPHANED)
        .bind("id", job.id())
        .execute();
  }

  /**
   * The literal term that lets the planner use a partial index of due jobs: queue messages and
   * other jobs have one each ({@code V3__queue_indexes.sql}), so that a backlog of unreceived
   * messages never lies in the dispatcher's path, and a receive walks only its queue's messages.
   */
  private static String kindIndexTerm(ClaimRequest request) {
    if (request.target() != null && request.kinds().equals(EnumSet.of(JobKind.QUEUE))) {
      return " AND j.kind = 'queue' AND j.target = :target";
    }
    String term = request.target() != null ? " AND j.target = :target" : "";
    return request.kinds().isEmpty() || request.kinds().contains(JobKind.QUEUE)
        ? term
        : term + " AND j.kind <> 'queue'";
  }

  /**
   * Keeps a job with an ordering key only while it heads its key: no job of its key runs, and none
   * before it is still open.
   */
  static final String HEADS_ITS_KEY =
      " AND (j.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM jobs h"
          + " WHERE h.target = j.target AND h.ordering_key = j.ordering_key"
          + " AND h.id <> j.id AND (h.status = 'running' OR (h.id < j.id AND h.status IN "
          + Columns.OPEN_STATUSES
          + "))))";

  /** An empty set of kinds means every kind. */
  static EnumSet<JobKind> kinds(ClaimRequest request) {
    return request.kinds().isEmpty()
        ? EnumSet.allOf(JobKind.class)
        : EnumSet.copyOf(request.kinds());
  }

  private String sql(ClaimRequest request) {
    Map<String, Integer> limits = request.concurrencyLimits();
    StringBuilder sql = new StringBuilder("WITH ");
    if (!limits.isEmpty()) {
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < limits.size(); i++) {
        rows.add("(:capTarget" + i + ", :cap" + i + ")");
      }
      sql.append("caps (target, cap) AS (VALUES ")
          .append(String.join(", ", rows))
          .append("), running AS (SELECT target, COUNT(*) AS n FROM jobs WHERE status = 'running'")
          .append(" AND target IN (SELECT target FROM caps) GROUP BY target),")
          .append(" room AS (SELECT caps.target, caps.cap - COALESCE(running.n, 0) AS free")
          .append(" FROM caps LEFT JOIN running ON running.target = caps.target), ");
    }
    sql.append("candidates AS (SELECT j.id, j.target, j.scheduled_at FROM jobs j")
        .append(" WHERE j.status IN ('available', 'retryable') AND j.scheduled_at <= :now")
        .append(" AND j.kind IN (<kinds>)")
        .append(kindIndexTerm(request))
        .append(HEADS_ITS_KEY);
    if (!limits.isEmpty()) {
      sql.append(" AND j.target NOT IN (SELECT target FROM room WHERE free <= 0)");
    }
    sql.append(" ORDER BY j.scheduled_at, j.id LIMIT :scan")
        .append(dialect.lockRowsClause())
        .append("), chosen AS (");
    if (limits.isEmpty()) {
      sql.append("SELECT id FROM candidates");
    } else {
      sql.append("SELECT id FROM (SELECT c.id, c.scheduled_at, ROW_NUMBER() OVER")
          .append(" (PARTITION BY c.target ORDER BY c.scheduled_at, c.id) AS rn, room.free")
          .append(" FROM candidates c LEFT JOIN room ON room.target = c.target) r")
          .append(" WHERE r.free IS NULL OR r.rn <= r.free ORDER BY r.scheduled_at, r.id")
          .append(" LIMIT :limit");
    }
    sql.append(") UPDATE jobs SET status = 'running', attempt = attempt + 1,")
        .append(" started_at = :now, lease_until = :leaseUntil")
        .append(" WHERE id IN (SELECT id FROM chosen) RETURNING ")
        .append(Columns.JOB);
    return sql.toString();
  }
}
