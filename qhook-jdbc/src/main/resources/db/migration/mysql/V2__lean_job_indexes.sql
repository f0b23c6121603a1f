-- Fewer index writes per job state change, as on PostgreSQL. MySQL has no partial indexes, so one
-- index by status and target serves the running count per target (handler max_concurrency), lease
-- recovery (the running set is small) and dead-letter views in id order.
DROP INDEX jobs_leased ON jobs;
DROP INDEX jobs_target_status ON jobs;
CREATE INDEX jobs_status_target ON jobs (status, target, id);
