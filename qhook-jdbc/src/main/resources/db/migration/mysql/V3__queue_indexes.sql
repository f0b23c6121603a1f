-- Pull queues. Unreceived queue messages are due jobs that only their consumers take, so the
-- dispatcher's claim must never walk a queue's backlog, and a receive walks only its queue's due
-- messages. MySQL has no partial indexes: two virtual columns stand in for them. due_at holds
-- scheduled_at of due jobs other than queue messages (NULL otherwise, and a "due_at <= now" range
-- skips the NULLs); queue_target holds the queue of due queue messages (NULL otherwise, so an
-- equality on it never walks the queue's received or finished messages).
ALTER TABLE jobs
  ADD COLUMN due_at BIGINT AS (CASE WHEN status IN ('available', 'retryable') AND kind <> 'queue' THEN scheduled_at END) VIRTUAL,
  ADD COLUMN queue_target VARBINARY(255) AS (CASE WHEN status IN ('available', 'retryable') AND kind = 'queue' THEN target END) VIRTUAL;
DROP INDEX jobs_due ON jobs;
CREATE INDEX jobs_due ON jobs (due_at, id);
CREATE INDEX jobs_queue_due ON jobs (queue_target, scheduled_at, id);
