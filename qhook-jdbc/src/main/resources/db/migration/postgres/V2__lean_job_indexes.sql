-- Fewer index writes per job state change. Claiming and completing a job used to touch
-- jobs_target_status (every status change) and jobs_leased; one partial index over running jobs now
-- serves the running count per target (handler max_concurrency) and lease recovery, and dead jobs,
-- which the dead-letter views list by handler, get a partial index of their own.
DROP INDEX jobs_leased;
DROP INDEX jobs_target_status;
CREATE INDEX jobs_running ON jobs (target, lease_until) WHERE status = 'running';
CREATE INDEX jobs_dead ON jobs (target, id) WHERE status = 'dead';
