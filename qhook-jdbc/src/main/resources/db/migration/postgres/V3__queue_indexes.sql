-- Pull queues. Unreceived queue messages are due jobs that only their consumers take, so the
-- partial index of due jobs leaves them out (the dispatcher's claim never walks a queue's backlog)
-- and they get one of their own, per queue in receive order (a receive walks only its queue).
-- The claim statement repeats each predicate literally so that the planner uses the index.
DROP INDEX jobs_due;
CREATE INDEX jobs_due ON jobs (scheduled_at, id) WHERE status IN ('available', 'retryable') AND kind <> 'queue';
CREATE INDEX jobs_queue_due ON jobs (target, scheduled_at, id) WHERE status IN ('available', 'retryable') AND kind = 'queue';
