package dev.qhook;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Inspection and repair of stored events and jobs (docs/reference/http-api.md, "Management API"),
 * from {@link QHook#admin()}.
 */
public interface Admin {
  Page<Event> events(EventQuery query);

  Optional<Event> event(String id);

  Page<Job> jobs(JobQuery query);

  Optional<Job> job(String id);

  /** The attempts of a job, oldest first; empty when the job does not exist. */
  List<AttemptRecord> attempts(String jobId);

  /**
   * Makes a dead or retryable job available now with its attempt counter reset
   * (docs/reference/http-api.md, "POST /api/jobs/{id}/retry"). Returns false when the job does not
   * exist or is in another state.
   */
  boolean retryJob(String jobId);

  /** Retries every dead job matching the query's target and time range; returns how many. */
  int retryDead(JobQuery query);

  /**
   * Routes a stored event again through the current config and creates new jobs for it
   * (docs/reference/http-api.md, "Replay"), ignoring idempotency; only for the handlers, queues and
   * outbound endpoint ids in {@code targets} when it is not null. Empty when the event does not
   * exist.
   */
  Optional<ReplayResult> replay(String eventId, @Nullable Set<String> targets);

  /**
   * Replays one page of the events the query selects (use ascending order); see {@link #replay}.
   */
  BulkReplayResult replayAll(EventQuery query, @Nullable Set<String> targets);

  /**
   * Stored events per source (docs/reference/http-api.md, "GET /api/stats"); sources without stored
   * events are absent. Events are deleted after {@code retention.events}.
   */
  Map<String, Long> eventsBySource();

  /**
   * Jobs of every kind per status, every status present (zero when none); finished jobs are deleted
   * after {@code worker.retention_hours}.
   */
  Map<JobStatus, Long> jobsByStatus();

  /** Handler jobs per handler name and status; only the statuses a handler has are present. */
  Map<String, Map<JobStatus, Long>> handlerJobsByStatus();
}
