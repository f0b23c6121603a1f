-- Fewer index writes per job state change. A status change is never a HOT update, so every
-- unconditional index on jobs gets an entry for each claim and each completion. jobs_target_status
-- and jobs_leased go; a partial index over running jobs serves the running count per target
-- (handler max_concurrency) and lease recovery (the running set is small), and dead jobs get a
-- partial index for dead-letter views. Listing every job of one handler scans in id order.
DROP INDEX jobs_leased;
DROP INDEX jobs_target_status;
CREATE INDEX jobs_running ON jobs (target) WHERE status = 'running';
CREATE INDEX jobs_dead ON jobs (target, id) WHERE status = 'dead';
