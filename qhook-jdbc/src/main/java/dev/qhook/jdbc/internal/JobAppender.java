package dev.qhook.jdbc.internal;

import dev.qhook.StoreRefusedException;
import dev.qhook.spi.EventJobs;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Adds jobs and workflow runs to stored events (a replay): one lookup of the events, one batch of
 * job inserts, each job {@code available} and created at its {@code scheduled_at}, and the runs as
 * ingest stores them ({@link RunWriter#insertRuns}).
 */
public final class JobAppender {
  private static final String INSERT =
      "INSERT INTO jobs (id, event_id, kind, target, url, status, attempt, max_attempts,"
          + " scheduled_at, created_at, ordering_key) VALUES (:id, :eventId, :kind, :target, :url,"
          + " :status, 0, :maxAttempts, :scheduledAt, :scheduledAt, :orderingKey)";

  public void append(Handle h, Dialect dialect, List<EventJobs> batch) {
    Set<String> eventIds = new HashSet<>();
    batch.forEach(b -> eventIds.add(b.eventId()));
    if (eventIds.isEmpty()) {
      return;
    }
    Set<String> found =
        new HashSet<>(
            h.createQuery("SELECT id FROM events WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(eventIds))
                .mapTo(String.class)
                .list());
    for (String id : eventIds) {
      if (!found.contains(id)) {
        throw new StoreRefusedException("appending jobs", "event " + id + " does not exist", null);
      }
    }
    PreparedBatch inserts = h.prepareBatch(INSERT);
    for (EventJobs item : batch) {
      for (NewJob job : item.jobs()) {
        inserts
            .bind("id", job.id())
            .bind("eventId", item.eventId())
            .bind("kind", Columns.label(job.kind()))
            .bind("target", job.target())
            .bind("url", job.url())
            .bind("status", JobStatus.AVAILABLE.label())
            .bind("maxAttempts", job.maxAttempts())
            .bind("scheduledAt", Columns.millis(job.scheduledAt()))
            .bind("orderingKey", job.orderingKey())
            .add();
      }
    }
    if (inserts.size() > 0) {
      inserts.execute();
    }
    List<RunWriter.Started> runs = new ArrayList<>();
    for (EventJobs item : batch) {
      item.runs().forEach(r -> runs.add(new RunWriter.Started(r, item.eventId(), item.at())));
    }
    if (!runs.isEmpty()) {
      RunWriter.insertRuns(h, dialect, runs);
    }
  }
}
