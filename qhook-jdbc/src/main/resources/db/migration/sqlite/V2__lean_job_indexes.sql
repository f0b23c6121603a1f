-- Fewer index writes per job state change. Claiming and completing a job used to touch
-- jobs_target_status (every status change) and jobs_leased (every lease extension too). Now a
-- partial index over running jobs serves the running count per target (handler max_concurrency)
-- and lease recovery (the running set is small), dead jobs get a partial index for dead-letter
-- views, and listing by handler uses jobs_target, which SQLite leaves alone on status changes.
DROP INDEX jobs_leased;
DROP INDEX jobs_target_status;
CREATE INDEX jobs_running ON jobs (target) WHERE status = 'running';
CREATE INDEX jobs_dead ON jobs (target, id) WHERE status = 'dead';
CREATE INDEX jobs_target ON jobs (target, id);
