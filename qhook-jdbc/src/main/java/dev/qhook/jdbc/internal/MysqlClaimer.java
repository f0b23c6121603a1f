package dev.qhook.jdbc.internal;

import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The claim on MySQL and MariaDB, which have no {@code UPDATE ... RETURNING}: in the caller's
 * transaction, at most three statements whatever the batch size. With concurrency limits, one count
 * of the running jobs of the limited targets (the caller holds their key locks, so the count is
 * exact cluster-wide); then one {@code SELECT ... FOR UPDATE SKIP LOCKED} of the candidates, oldest
 * first, that head their ordering key; then one {@code UPDATE} of the chosen ids. The leased jobs
 * are the selected rows with the update applied.
 *
 * <p>The candidates are read through the virtual columns {@code due_at} and {@code queue_target}
 * (V3__queue_indexes.sql), so InnoDB walks only due jobs, in claim order, and locks only the rows
 * it returns; a claim of queue and other kinds at once (no such claim in the engine) reads the due
 * jobs by status.
 */
final class MysqlClaimer {
  private MysqlClaimer() {}

  static List<Job> lease(Handle h, ClaimRequest request) {
    Map<String, Integer> limits = request.concurrencyLimits();
    Map<String, Integer> free = limits.isEmpty() ? Map.of() : freeSlots(h, limits);
    List<String> full =
        free.entrySet().stream().filter(e -> e.getValue() <= 0).map(Map.Entry::getKey).toList();

    int scan = limits.isEmpty() ? request.limit() : request.limit() * JobClaimer.SCAN_FACTOR;
    Query select = h.createQuery(candidatesSql(request, !full.isEmpty()));
    select
        .bind("now", Columns.millis(request.now()))
        .bind("scan", scan)
        .bindList("kinds", JobClaimer.kinds(request).stream().map(Columns::label).toList());
    if (request.target() != null) {
      select.bind("target", request.target());
    }
    if (!full.isEmpty()) {
      select.bindList("full", full);
    }
    List<Job> candidates = select.map((rs, ctx) -> Columns.job(rs)).list();

    List<Job> chosen = choose(candidates, free, request.limit());
    if (chosen.isEmpty()) {
      return List.of();
    }
    long now = Columns.millis(request.now());
    long leaseUntil = Columns.millis(request.leaseUntil());
    h.createUpdate(
            "UPDATE jobs SET status = 'running', attempt = attempt + 1, started_at = :now,"
                + " lease_until = :leaseUntil WHERE id IN (<ids>)")
        .bind("now", now)
        .bind("leaseUntil", leaseUntil)
        .bindList("ids", chosen.stream().map(Job::id).toList())
        .execute();
    return chosen.stream().map(j -> leased(j, now, leaseUntil)).toList();
  }

  /** Per limited target, its limit less its running jobs (zero or less: no room). */
  private static Map<String, Integer> freeSlots(Handle h, Map<String, Integer> limits) {
    Map<String, Integer> free = new HashMap<>(limits);
    h.createQuery(
            "SELECT target, COUNT(*) AS n FROM jobs WHERE status = 'running'"
                + " AND target IN (<targets>) GROUP BY target")
        .bindList("targets", List.copyOf(limits.keySet()))
        .map((rs, ctx) -> Map.entry(rs.getString("target"), rs.getInt("n")))
        .forEach(e -> free.merge(e.getKey(), -e.getValue(), Integer::sum));
    return free;
  }

  /** The candidates in claim order, at most the free slots of each limited target. */
  private static List<Job> choose(List<Job> candidates, Map<String, Integer> free, int limit) {
    Map<String, Integer> left = new HashMap<>(free);
    List<Job> chosen = new ArrayList<>(Math.min(limit, candidates.size()));
    for (Job job : candidates) {
      if (chosen.size() == limit) {
        break;
      }
      Integer room = left.get(job.target());
      if (room == null) {
        chosen.add(job);
      } else if (room > 0) {
        chosen.add(job);
        left.put(job.target(), room - 1);
      }
    }
    return chosen;
  }

  private static String candidatesSql(ClaimRequest request, boolean someFull) {
    EnumSet<JobKind> kinds = JobClaimer.kinds(request);
    String due;
    String order;
    if (request.target() != null && kinds.equals(EnumSet.of(JobKind.QUEUE))) {
      due = "j.queue_target = :target AND j.scheduled_at <= :now";
      order = "j.scheduled_at, j.id";
    } else if (!kinds.contains(JobKind.QUEUE)) {
      due = "j.due_at <= :now" + (request.target() != null ? " AND j.target = :target" : "");
      order = "j.due_at, j.id";
    } else {
      due =
          "j.status IN ('available', 'retryable') AND j.scheduled_at <= :now"
              + (request.target() != null ? " AND j.target = :target" : "");
      order = "j.scheduled_at, j.id";
    }
    return "SELECT "
        + Columns.JOB
        + " FROM jobs j WHERE "
        + due
        + " AND j.kind IN (<kinds>)"
        + JobClaimer.HEADS_ITS_KEY
        + (someFull ? " AND j.target NOT IN (<full>)" : "")
        + " ORDER BY "
        + order
        + " LIMIT :scan"
        + Dialect.MYSQL.lockRowsClause();
  }

  private static Job leased(Job job, long now, long leaseUntil) {
    return new Job(
        job.id(),
        job.eventId(),
        job.kind(),
        job.target(),
        job.url(),
        JobStatus.RUNNING,
        job.attempt() + 1,
        job.maxAttempts(),
        job.scheduledAt(),
        Instant.ofEpochMilli(now),
        job.completedAt(),
        job.createdAt(),
        job.lastError(),
        Instant.ofEpochMilli(leaseUntil),
        job.orderingKey(),
        job.step());
  }
}
