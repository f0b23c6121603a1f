-- Pull queues. Unreceived queue messages are due jobs that only their consumers take, so the
-- dispatcher's claim must never walk a queue's backlog, and a receive walks only its queue. MySQL
-- has no partial indexes: two virtual columns hold scheduled_at only for due jobs of each side
-- (NULL otherwise, and NULLs never match a "<= now" claim), and each is indexed in claim order.
ALTER TABLE jobs
  ADD COLUMN due_at BIGINT AS (CASE WHEN status IN ('available', 'retryable') AND kind <> 'queue' THEN scheduled_at END) VIRTUAL,
  ADD COLUMN queue_due_at BIGINT AS (CASE WHEN status IN ('available', 'retryable') AND kind = 'queue' THEN scheduled_at END) VIRTUAL;
DROP INDEX jobs_due ON jobs;
CREATE INDEX jobs_due ON jobs (due_at, id);
CREATE INDEX jobs_queue_due ON jobs (target, queue_due_at, id);
